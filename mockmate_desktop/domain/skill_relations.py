"""How skills relate: one implies another ("PostgreSQL" is SQL work), or sits close to another.

Implications let the coverage score credit a skill shown through a more specific one; closeness lets a
suggestion add a missing keyword to a line that already shows related work.
"""

from __future__ import annotations

# A resume that shows the skill on the right shows the one on the left too ("PostgreSQL" is SQL work).
# Only true implications: the right-hand skill cannot be done without the left-hand one.
IMPLIED_BY: dict[str, tuple[str, ...]] = {
    "SQL": (
        "PostgreSQL",
        "MySQL",
        "SQL Server",
        "SQLite",
        "Oracle Database",
        "Redshift",
        "BigQuery",
        "Snowflake",
        "Query optimisation",
        "Relational databases",
    ),
    "Relational databases": ("PostgreSQL", "MySQL", "SQL Server", "SQLite", "Oracle Database"),
    "NoSQL": ("MongoDB", "DynamoDB", "Cassandra", "Redis", "Neo4j", "Firebase"),
    "Infrastructure as code": ("Terraform", "CloudFormation", "Ansible", "Chef", "Puppet"),
    "CI/CD": ("Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Travis CI", "Argo CD"),
    "Containerisation": ("Docker", "Kubernetes", "OpenShift", "Helm"),
    "Docker": ("Kubernetes", "OpenShift"),
    "Cloud computing": ("AWS", "Microsoft Azure", "Google Cloud", "EC2", "S3", "AWS Lambda", "Serverless"),
    "AWS": ("EC2", "S3", "AWS Lambda", "CloudFormation", "Redshift", "DynamoDB"),
    "Version control": ("Git", "GitHub", "GitLab", "Bitbucket"),
    "Git": ("GitHub", "GitLab", "Bitbucket"),
    "Machine learning": (
        "Deep learning",
        "PyTorch",
        "TensorFlow",
        "scikit-learn",
        "XGBoost",
        "MLOps",
        "Natural language processing",
        "Computer vision",
        "Recommender systems",
    ),
    "Deep learning": ("PyTorch", "TensorFlow"),
    "Unit testing": ("pytest", "JUnit", "Jest", "Mocha", "Test-driven development"),
    "Test automation": (
        "pytest",
        "JUnit",
        "Jest",
        "Cypress",
        "Selenium",
        "Playwright",
        "Mocha",
        "Unit testing",
        "Integration testing",
        "Test-driven development",
    ),
    "Agile": ("Scrum", "Kanban"),
    "Data visualisation": ("Tableau", "Power BI", "Looker", "Qlik", "Matplotlib", "Dashboards"),
    "Observability": ("Prometheus", "Grafana", "Datadog", "Splunk", "New Relic"),
    "Message queues": ("Kafka", "RabbitMQ"),
    "JavaScript": ("TypeScript", "React", "Node.js", "Vue.js", "Angular", "Next.js", "Express.js", "jQuery"),
    "Python": ("Django", "Flask", "FastAPI", "pandas", "NumPy", "PySpark", "pytest", "scikit-learn"),
    "Java": ("Spring Boot", "Spring Framework", "JUnit"),
    "REST APIs": ("Django", "FastAPI", "Express.js", "Spring Boot"),
    "Mentoring": ("Coaching",),
    "Leadership": ("People management", "Team building"),
}


# Skills close enough that a line showing one is a fair place to mention the other, if true.
RELATED_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {"Terraform", "Infrastructure as code", "CloudFormation", "Ansible", "AWS", "Microsoft Azure",
         "Google Cloud", "Cloud computing", "Kubernetes", "Helm"},
        {"Kafka", "RabbitMQ", "Event-driven architecture", "Microservices", "Data pipelines", "Airflow",
         "Apache Spark", "ETL", "Distributed systems"},
        {"GraphQL", "REST APIs", "API design", "gRPC", "OpenAPI", "Django", "FastAPI", "Flask",
         "Express.js", "Node.js", "Spring Boot"},
        {"Mentoring", "Leadership", "Coaching", "People management", "Code review", "Team building",
         "Onboarding"},
        {"Kubernetes", "Docker", "Containerisation", "Helm", "OpenShift", "Microservices"},
        {"CI/CD", "Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Argo CD", "DevOps", "Test automation",
         "Unit testing", "Integration testing"},
        {"PostgreSQL", "MySQL", "SQL", "SQL Server", "Oracle Database", "Relational databases",
         "Database design", "Query optimisation", "SQLite", "MongoDB", "Redis", "NoSQL", "DynamoDB"},
        {"AWS", "Microsoft Azure", "Google Cloud", "Cloud computing", "Serverless", "AWS Lambda", "EC2", "S3"},
        {"Python", "Django", "Flask", "FastAPI", "pandas", "NumPy", "pytest", "Data pipelines"},
        {"JavaScript", "TypeScript", "React", "Node.js", "Vue.js", "Angular", "Next.js", "Express.js"},
        {"Java", "Spring Boot", "Spring Framework", "Kotlin", "Scala", "JUnit"},
        {"Machine learning", "Deep learning", "PyTorch", "TensorFlow", "scikit-learn", "Statistics",
         "Data analysis", "MLOps", "Feature engineering", "Natural language processing"},
        {"Unit testing", "Integration testing", "Test-driven development", "pytest", "Jest", "JUnit",
         "Quality assurance", "Test automation", "CI/CD"},
        {"Observability", "Prometheus", "Grafana", "Datadog", "Splunk", "Site reliability engineering",
         "Incident management"},
        {"Data analysis", "Excel", "Tableau", "Power BI", "SQL", "Data visualisation", "Dashboards", "Looker",
         "Statistics", "A/B testing"},
        {"Communication", "Presentation skills", "Stakeholder management", "Collaboration", "Public speaking",
         "Facilitation"},
        {"Agile", "Scrum", "Kanban", "Jira", "Project management"},
        {"Product management", "Product roadmap", "User stories", "Prioritisation", "Product strategy",
         "Stakeholder management", "Requirements gathering"},
        {"UX design", "UI design", "Figma", "Prototyping", "Wireframing", "User research", "Usability testing",
         "Design systems"},
    )
)  # fmt: skip


def related_skills(skill: str) -> frozenset[str]:
    related: set[str] = set()
    for group in RELATED_GROUPS:
        if skill in group:
            related |= group
    related.discard(skill)
    return frozenset(related)
