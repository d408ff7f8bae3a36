"""The skill lexicon as plain text: one canonical skill per line, then its synonyms.

Line format: ``Canonical | alias, alias, ...``. Matching is case-insensitive, tolerant of spaces, hyphens
and underscores between words, and accepts a plural ``s``/``es``. Two markers change that:

- ``=Go`` : match this exact case only (the word is also plain English: "go", "rust", "swift", "excel").
- ``mentor*`` : a stem: any word starting with it ("mentored", "mentoring", "mentorship").

The canonical name is itself an alias; prefix it with ``=`` to make it case-sensitive.
Blocks are grouped by category; the soft block is the only one whose skills are soft skills.
"""

from __future__ import annotations

LANGUAGES = """
Python | python3, py3, cpython
Java | java 8, java 11, java 17, j2ee, jvm
JavaScript | =JS, ecmascript, es6, es2015, vanilla js
TypeScript | =TS
=C | ansi c, c99, c11
C++ | cpp, c plus plus, c++11, c++14, c++17, c++20
C# | csharp, c sharp
=Go | golang
=Rust | rust-lang, rustlang
=Ruby | ruby 3
PHP | php7, php8
=Swift | swift 5
Kotlin |
Scala |
=R | r language, r programming, rstudio, tidyverse
MATLAB |
Perl |
Haskell |
Elixir |
Erlang |
Clojure |
F# | fsharp
Dart |
Lua |
=Julia | julia language
Objective-C | objc, obj-c
VBA | visual basic, vb.net
COBOL |
Fortran |
Assembly language | assembler, x86 assembly, arm assembly
Solidity |
SQL | t-sql, tsql, pl/sql, plsql, ansi sql
HTML | html5
CSS | css3
Sass | scss, less css
Bash | shell scripting, shell scripts, =sh, zsh
PowerShell |
Groovy |
"""

WEB = """
=React | react.js, reactjs, react hooks
Angular | angularjs, angular.js
Vue.js | =Vue, vuejs, vue 3, vuex
Svelte | sveltekit
Next.js | nextjs, =Next
Nuxt | nuxt.js, nuxtjs
Node.js | nodejs, =Node, node js
Express.js | expressjs, express js
Django | django rest framework, =DRF
Flask |
FastAPI |
Spring Boot | springboot
Spring Framework | =Spring, spring mvc, spring framework
Ruby on Rails | =Rails, ror
Laravel |
ASP.NET | asp.net core, asp.net mvc
.NET | dotnet, .net core, .net framework
jQuery |
Redux | redux toolkit
GraphQL | apollo graphql
REST APIs | =REST, restful, rest api, restful api, restful services, web api*
gRPC | protobuf, protocol buffers
WebSockets | websocket*, socket.io
Tailwind CSS | tailwind, tailwindcss
Bootstrap |
Webpack | vite, rollup, esbuild, babel
Responsive design | responsive web design, mobile-first
Web performance | core web vitals, lighthouse, page speed
OAuth | oauth2, oauth 2.0, openid connect, =OIDC, single sign-on, =SSO
JWT | json web token*
OpenAPI | swagger
Microservices | microservice*, micro-service*, service-oriented architecture, =SOA
API design | api development, api-first, designing apis
Distributed systems | distributed computing, distributed architecture*
System design | systems design, software architecture, solution architecture
Event-driven architecture | event driven, event sourcing, =CQRS, pub/sub
Kafka | apache kafka, kafka streams
RabbitMQ | amqp
Message queues | message queue*, message queuing, message broker*, =SQS, =JMS, =ActiveMQ
Celery |
Nginx |
"""

ENGINEERING = """
Object-oriented programming | =OOP, object oriented, object-oriented design, =OOD
Functional programming |
Design patterns |
Data structures |
Algorithms | algorithm*, algorithmic
Concurrency | multithreading, multi-threading, multithreaded, parallel programming, async programming, asyncio
Unit testing | unit test*
Integration testing | integration test*, end-to-end test*, =E2E test*
Test-driven development | =TDD
Behaviour-driven development | =BDD, behavior-driven development, cucumber, gherkin
pytest |
JUnit | testng, mockito
Jest | vitest
Cypress |
Selenium | webdriver
Playwright |
Mocha | chai
Quality assurance | =QA, software testing, manual testing
Test automation | automated testing, automated tests, automation testing
Performance testing | load testing, stress testing, jmeter, locust, k6
Postman |
Code review | code reviews, reviewing code, peer review*
Git | git flow, gitflow
GitHub | github.com
GitLab |
Bitbucket |
Version control | source control, =SVN, subversion, mercurial
Refactoring | refactor*
Clean code | =SOLID, solid principles
Debugging | troubleshooting, root cause analysis, =RCA
Technical documentation | technical writing, documentation, api documentation
Performance optimisation | performance optimization, performance tuning, profiling, latency reduction
Caching | cache*, memcached, =CDN
Frontend development | front-end, frontend, front end, front-end development, web frontend, client-side
Scalability | scalable, high availability, fault tolerance, fault-tolerant, resilient systems
Linux | unix, ubuntu, debian, centos, red hat, rhel
Windows Server | active directory
macOS |
Embedded systems | embedded software, embedded c, firmware
FPGA | verilog, =VHDL
RTOS | freertos, real-time operating system*
Microcontrollers | microcontroller, arduino, raspberry pi, =STM32, =ESP32
IoT | internet of things
Robotics | =ROS, robot operating system
Signal processing | =DSP, digital signal processing
Computer networking | networking, =TCP/IP, tcp, =UDP, =DNS, =HTTP, routing and switching, =CCNA
Load balancing | load balancer*, haproxy
Game development | unity3d, =Unity, unreal engine, =Unreal, game engine*
Blockchain | web3, smart contract*, ethereum
Mobile development | mobile apps, mobile app development, mobile engineering
Android | android sdk, android development
iOS | ios development, =UIKit, cocoa touch
React Native |
Flutter |
SwiftUI |
Xamarin |
Jetpack Compose |
"""

DATA = """
PostgreSQL | postgres, postgresql, =psql, postgis
MySQL | mariadb
SQLite |
SQL Server | =MSSQL, ms sql, microsoft sql server, =SSIS, =SSRS
Oracle Database | =Oracle, oracle db, oracle 19c
MongoDB | =Mongo, mongoose
Redis |
Cassandra | apache cassandra, scylladb
DynamoDB | dynamo db
Elasticsearch | elastic search, opensearch, =ELK, elastic stack, kibana, logstash
Neo4j | graph database*, cypher
Firebase | firestore, firebase auth
Supabase |
NoSQL | non-relational, document database*
Relational databases | =RDBMS, relational database*
Database design | schema design, database schema*, normalization, normalisation
Query optimisation | query optimization, query tuning, sql tuning, indexing strategy
Snowflake | snowflake data cloud
BigQuery | google bigquery
Redshift | amazon redshift
Databricks | delta lake
Hadoop | =HDFS, mapreduce, =Hive, apache hive
Apache Spark | =Spark, spark sql, spark streaming
PySpark |
Airflow | apache airflow, =DAGs, orchestration with airflow
=dbt | data build tool
ETL | =ELT, extract transform load, etl pipeline*
Data pipelines | data pipeline, data ingestion, pipelines for data
Data warehousing | data warehouse*, =DWH, dimensional model*, star schema
Data lake | data lakes, lakehouse
Data modelling | data modeling, data model*
Data engineering | data engineer
Data analysis | data analy*, analysing data, analyzing data, data-driven
Data visualisation | data visualization, data viz, dataviz, visualis* data, visualiz* data
Dashboards | dashboard*, reporting dashboards
Business intelligence | =BI, bi tools
=Excel | ms excel, microsoft excel, spreadsheet*, vlookup, xlookup, pivot table*, power query
Google Sheets |
Tableau |
Power BI | powerbi, =DAX
Looker | looker studio, data studio
Qlik | qlikview, qlik sense
=SAS | sas enterprise
SPSS |
Stata |
Jupyter | jupyter notebook*, jupyterlab, ipython
pandas |
NumPy |
SciPy |
Matplotlib | seaborn, plotly
Statistics | statistic*, statistical analysis, statistical model*
Hypothesis testing | significance testing, =p-value*, t-test*, chi-square
A/B testing | ab testing, a/b test*, split testing, experimentation, controlled experiment*
Forecasting | forecast*, time series, time-series
Data cleaning | data cleansing, data wrangling, data preparation, data quality
Big data | large-scale data, petabyte*, terabyte*
Data governance | data lineage, data catalog*, master data management, =MDM
"""

AI = """
Machine learning | =ML, machine-learning, ml models, ml engineer*
Deep learning | neural network*, deep neural network*, =CNN, =CNNs, =RNN, =LSTM
Artificial intelligence | =AI, a.i.
Natural language processing | =NLP, text mining, text classification, named entity recognition, =NER
Computer vision | image recognition, image classification, object detection, opencv, image processing
Large language models | =LLM, =LLMs, large language model, =GPT, openai api, gemini api, claude api
Generative AI | genai, gen ai, generative models, diffusion models, stable diffusion
Prompt engineering | prompt design
Retrieval-augmented generation | =RAG, vector database*, vector search, embeddings, pinecone, chromadb, faiss
LangChain | llamaindex, llama index
PyTorch | =torch, pytorch lightning
TensorFlow | keras, tensorflow 2, tf.keras
scikit-learn | sklearn, scikit learn
XGBoost | lightgbm, catboost, gradient boosting, gradient boosted trees
Hugging Face | huggingface, =transformers library
MLOps | ml ops, mlflow, kubeflow, model deployment, model serving, model monitoring
Feature engineering | feature selection, feature store
Reinforcement learning | q-learning, policy gradient*
Recommender systems | recommendation system*, recommendation engine*, recommender*, collaborative filtering
Classification | classifier*, logistic regression, random forest*, decision tree*, =SVM
Regression analysis | linear regression, regression model*
Clustering | k-means, kmeans, unsupervised learning
Model evaluation | cross-validation, cross validation, precision and recall, =ROC, =AUC, =F1 score
Speech recognition | =ASR, speech-to-text, whisper model, text-to-speech, =TTS
"""

CLOUD = """
AWS | amazon web services, aws cloud
Microsoft Azure | =Azure, azure cloud, azure devops, azure functions
Google Cloud | =GCP, google cloud platform, gcloud, cloud run, app engine
EC2 | amazon ec2, aws ec2
S3 | =S3, amazon s3, aws s3
AWS Lambda | =Lambda, lambda functions
Serverless | serverless computing, faas, cloud functions
CloudFormation | aws cdk, =CDK, aws sam
Cloud computing | cloud-native, cloud native, cloud infrastructure, cloud platforms, cloud architecture
Cloud migration | migrating to the cloud, lift and shift
Kubernetes | =k8s, =K8s, =kube, kubectl, =EKS, =GKE, =AKS, kubernetes cluster*
OpenShift | openshift container platform
=Helm | helm chart*
Docker | docker compose, docker-compose, dockerfile*, docker swarm
Containerisation | containerization, containeris*, containeriz*, containers, =OCI images, podman
Terraform | terraform cloud, =HCL, opentofu
Infrastructure as code | =IaC, infrastructure-as-code, pulumi
Ansible | ansible playbook*
=Chef | chef infra
=Puppet |
CI/CD | =CI, =CI/CD, cicd, ci cd, ci/cd pipeline*, continuous integration, continuous delivery, continuous deployment, build pipeline*, deployment pipeline*
Jenkins | jenkins pipeline*, jenkinsfile
GitHub Actions | gh actions, github workflow*
GitLab CI | gitlab ci/cd, gitlab-ci, gitlab pipelines
CircleCI | circle ci
Travis CI |
Argo CD | argocd, argo workflows, gitops
DevOps | dev ops, devops engineer*
Site reliability engineering | =SRE, =SREs, site reliability, =SLO*, =SLIs, error budget*
Observability | monitoring, alerting, opentelemetry, distributed tracing, =APM
Prometheus |
Grafana |
Datadog |
Splunk |
New Relic |
Incident management | incident response, on-call, on call, postmortem*, post-mortem*, =PagerDuty
Virtualisation | virtualization, vmware, hyper-v, =KVM, virtual machines
Reverse proxies | reverse proxy, traefik, envoy proxy
"""

SECURITY = """
Cybersecurity | cyber security, information security, infosec, it security, security engineering
Penetration testing | pen testing, pentest*, ethical hacking, burp suite, metasploit
OWASP | owasp top 10, =XSS, =CSRF, sql injection
Identity and access management | =IAM, access control, =RBAC, least privilege
Encryption | cryptograph*, =TLS, =SSL, =PKI, public key infrastructure
SIEM | security information and event management, security monitoring, =SOC
SOC 2 | soc2, soc 2 type ii
ISO 27001 | iso/iec 27001
GDPR | data protection, data privacy, =CCPA, =HIPAA
Threat modelling | threat modeling, threat model*, =STRIDE
Vulnerability management | vulnerability scanning, vulnerability assessment*, =CVE*, nessus
Zero trust | zero-trust
PCI DSS | pci-dss, pcidss, =PCI, pci compliance
Network security | firewall*, =VPN*, intrusion detection, =IDS/IPS
Application security | appsec, secure coding, =SAST, =DAST, static analysis
DevSecOps | security automation
"""

DESIGN = """
Figma | figjam
=Sketch | sketch app
Adobe XD |
Photoshop | adobe photoshop
=Illustrator | adobe illustrator
InDesign | adobe indesign
After Effects | adobe after effects
Premiere Pro | adobe premiere
Adobe Creative Suite | adobe creative cloud, creative cloud, adobe suite
Blender | 3d modelling, 3d modeling
AutoCAD | =CAD, computer-aided design
SolidWorks | =CATIA, fusion 360
Canva |
UX design | =UX, user experience, ux/ui, ux designer, experience design
UI design | =UI, user interface design, ui/ux, interface design, ui designer
User research | user interviews, ethnographic research, contextual inquiry, ux research
Usability testing | usability studies, usability study, user testing, usability
Wireframing | wirefram*
Prototyping | prototyp*
Interaction design | =IxD, micro-interactions
Visual design | visual designer, colour theory, color theory
Design systems | design system, component library, component libraries, style guide*
Information architecture | card sorting, site maps, sitemap*
Accessibility | =a11y, =WCAG, accessible design, inclusive design, screen reader*, =ARIA
Typography | type design
Graphic design | graphic designer, layout design, print design
Motion design | motion graphics, animation
Branding | brand identity, brand design, brand guidelines, brand management, brand strategy
Design thinking | double diamond, human-centered design, human-centred design, user-centered design, user-centred design
Personas | persona*, user personas
Journey mapping | customer journey*, user journey*, journey map*, service blueprint*
Illustration | digital illustration, illustrations
"""

PRODUCT = """
Product management | product manager, product owner, product ownership
Product strategy | product vision, product-led growth, =PLG
Product roadmap | roadmap*
User stories | user story, acceptance criteria, backlog grooming, backlog refinement, product backlog
Requirements gathering | requirements analysis, requirements elicitation, business requirements, =BRD, =PRD, =PRDs, product requirements
Go-to-market | =GTM, go to market, product launch*, launched product*
Market research | market analysis, market sizing, =TAM
Competitive analysis | competitor analysis, competitive research, competitive landscape
Product discovery | customer discovery, discovery research, problem discovery, jobs to be done, =JTBD
Prioritisation | prioritization, prioritis*, prioritiz*, =RICE, =MoSCoW
OKRs | =OKR, =OKRs, objectives and key results
KPIs | =KPI, =KPIs, key performance indicator*, success metrics, north star metric
Product analytics | mixpanel, amplitude, =Heap, funnel analysis, cohort analysis, retention analysis
Jira | atlassian jira, jira software
=Confluence |
Trello | asana, monday.com, clickup
Agile | agile methodolog*, agile development, agile teams, agile environment
Scrum | scrum master, =CSM, sprint planning, sprints, daily standup*, retrospectives
Kanban |
=Lean | lean startup, lean methodology
Six Sigma | lean six sigma, =DMAIC
Project management | project manager, project planning, =PMP, =PRINCE2, gantt chart*, =PMO
Program management | programme management, program manager, programme manager
Stakeholder management | stakeholder*, stakeholder communication, stakeholder engagement
Risk management | risk assessment*, risk mitigation, risk analysis
Change management | organisational change, organizational change, =ITIL
Vendor management | supplier management, third-party management, contract management
Process improvement | process optimisation, process optimization, continuous improvement, kaizen, workflow automation
Operations management | business operations, operational excellence, operations manager
"""

BUSINESS = """
Business analysis | business analyst, gap analysis, =SWOT, business process modelling, =BPMN
Business development | biz dev, =BD, partnerships, partner management
Sales | sales pipeline, quota, =B2B sales, closing deals, account executive, sales cycle
B2B | business-to-business
B2C | business-to-consumer, consumer products, =D2C
SaaS | software as a service, =PaaS, =IaaS
CRM | customer relationship management
Salesforce | salesforce.com, =SFDC, salesforce crm
HubSpot |
=SAP | sap erp, sap s/4hana, s/4hana
=ERP | enterprise resource planning, oracle netsuite, netsuite, microsoft dynamics
Account management | account manager, key accounts, client management, client relationship*
Customer success | customer success manager, churn reduction, customer retention
Customer support | customer service, customer care, help desk, helpdesk, zendesk, service desk
Lead generation | lead gen, prospecting, outbound sales, cold calling, =SDR
Financial modelling | financial modeling, financial model*, =DCF, discounted cash flow
Financial analysis | financial analyst, financial statements, financial reporting, variance analysis
Accounting | accountant, accounts payable, accounts receivable, general ledger, reconciliation*
Bookkeeping | quickbooks, xero
GAAP | =US GAAP, =IFRS
Auditing | audit*, internal audit, external audit, compliance audit*
Budgeting | budget*, cost control, cost management
Valuation | valuations, =M&A, mergers and acquisitions, due diligence
P&L | =P&L, profit and loss, p&l ownership, p&l responsibility
Corporate finance | treasury, capital allocation, fp&a, financial planning
Marketing | marketing strategy, marketing campaigns, marketing manager
Digital marketing | online marketing, performance marketing, growth marketing
Content marketing | content strategy, content creation, blogging
SEO | search engine optimi*, on-page seo, technical seo
SEM | =PPC, pay-per-click, paid search, search engine marketing, google ads, adwords
Social media marketing | social media, instagram marketing, linkedin marketing, tiktok marketing
Email marketing | mailchimp, email campaigns, marketing emails
Copywriting | copywriter, copy writing, ux writing
Google Analytics | =GA4, universal analytics, google tag manager, =GTM tags
Marketing automation | marketo, pardot, braze, customer.io
Market segmentation | segmentation, customer segments, audience targeting
Public relations | media relations, press releases, communications strategy
Supply chain | supply chain management, =SCM, demand planning, inventory management
Logistics | warehousing, fulfilment, fulfillment, distribution management
Procurement | purchasing, sourcing, strategic sourcing
Recruiting | recruitment, recruiter, talent acquisition, sourcing candidates, hiring
Onboarding | employee onboarding, customer onboarding
Human resources | =HR, =HRIS, people operations, employee relations, payroll
Performance management | performance reviews, performance appraisals
Training and development | learning and development, =L&D, corporate training, training programs, training programmes
Teaching | teacher, tutoring, tutor, lecturing, lecturer, curriculum development, lesson planning
Payments | payment processing, payment system*, payment gateway*, card payments, =Stripe, =Adyen, =PSP, payment service provider*
Patient care | patient safety, patient-centred care, patient-centered care, nursing care, clinical care, bedside manner, triage
Electronic health records | =EHR, =EMR, electronic medical records
Healthcare | health care, hospital*, clinic, clinics, clinical settings
Legal compliance | regulatory compliance, compliance, =KYC, =AML, anti-money laundering
Research | research methods, qualitative research, quantitative research, literature review*
Translation | translator, localisation, localization, =i18n, internationalization, internationalisation
"""

SOFT = """
Communication | communicat*, written communication, verbal communication, communication skills
Leadership | leader*, led a team, led teams, team lead, tech lead, led the team
Teamwork | team player, team-player, teamwork, working in teams
Collaboration | collaborat*, cross-functional, cross functional, partnered with, worked closely with
Problem solving | problem-solving, problem solver, solving problems, solved complex
Critical thinking | critically, analytical thinking
Analytical skills | analytical, analytic skills
Mentoring | mentor*, mentee*
Coaching | coach*
Time management | managing deadlines, deadline-driven, meet deadlines, met deadlines, tight deadlines
Adaptability | adaptab*, adaptable, adapted to, flexibility
Creativity | creativ*, innovative, innovation
Attention to detail | detail-oriented, detail oriented, meticulous, thorough
Organisation | organisational skills, organizational skills, organised, organized, well-organised
Presentation skills | presentation*, presenting to, presented to, demo day
Public speaking | conference talk*, speaker at, spoke at, keynote*, meetup talk*
Negotiation | negotiat*
Conflict resolution | resolved conflicts, resolving conflicts, conflict management, mediation
Decision making | decision-making, data-informed decisions, made decisions
Emotional intelligence | =EQ, self-awareness
Empathy | empath*, empathetic
Customer focus | customer-focused, customer focused, customer-centric, customer centric, customer obsession, user-focused
Ownership | accountab*, took ownership, end-to-end ownership
Initiative | self-starter, self starter, proactive, proactively, self-directed
Work ethic | hard-working, hardworking, diligent
Resilience | resilient, perseverance, under pressure
Active listening | listening skills, good listener
Interpersonal skills | interpersonal, relationship building, rapport
Strategic thinking | strategic planning, strategic, long-term planning, strategy
Influencing | influenc*, persuasion, persuasive
Self-motivation | self-motivated, self motivated, motivated
Multitasking | multi-tasking, multi tasking, juggling priorities, competing priorities
Storytelling | story telling, data storytelling, narrative*
Facilitation | facilitat*, workshops, ran workshops
Delegation | delegat*
People management | managed a team, line management, line manager, direct reports, people manager, team management, managed a team of, managing a team
Team building | team-building, built the team, built a team, hired and grew, grew the team
Cultural awareness | cross-cultural, multicultural, diverse teams, diversity and inclusion, =DEI
Growth mindset | continuous learning, lifelong learning, eager to learn, quick learner, fast learner
Curiosity | curious, inquisitive
Integrity | ethical, honesty, trustworthy
Customer empathy | user empathy, empathy for users
"""

TECHNICAL_BLOCKS: tuple[tuple[str, str], ...] = (
    ("languages", LANGUAGES),
    ("web", WEB),
    ("engineering", ENGINEERING),
    ("data", DATA),
    ("ai", AI),
    ("cloud", CLOUD),
    ("security", SECURITY),
    ("design", DESIGN),
    ("product", PRODUCT),
    ("business", BUSINESS),
)
SOFT_BLOCKS: tuple[tuple[str, str], ...] = (("soft", SOFT),)
