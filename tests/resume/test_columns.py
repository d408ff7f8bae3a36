"""Reading order from pypdf's layout text: split real columns, leave tables and right-aligned dates alone."""

from __future__ import annotations

from mockmate_desktop.resume.columns import find_gutter, reading_order, tidy_cells

TWO_COLUMNS = """\
Asha Verma                 Experience
asha@example.com           Senior Engineer, Northwind Analytics
Skills                     - Built Python services on Kubernetes
Python                     - Cut query latency by forty percent
Docker                     Software Engineer, Contoso Retail
Kubernetes                 - Wrote the order system REST APIs
Education                  - Moved batch jobs to Airflow and AWS
BSc Computer Science       Projects
University of Leeds        - An open source metrics exporter
"""

DATES_ON_THE_RIGHT = """\
Education
BSc Computer Science, University of Leeds            2014 - 2018
MSc Data Science, University of Bath                 2018 - 2019
Certifications
AWS Certified Developer                              2022
Certified Kubernetes Application Developer           2023
Awards
Engineering Excellence Award                         2023
"""

TABLE = """\
Summary of a long first line of prose that crosses the whole page from left to right edge
 Area                    Skills                                   Years
 Languages               Python, SQL, Go                          6
 Platforms               Kubernetes, Docker, AWS                  4
 Data                    PostgreSQL, Airflow, Kafka               5
 Practices               CI/CD, code review, TDD                  5
Another long line of prose that crosses the whole page from the left to the right edge
"""


def test_two_columns_are_read_left_then_right() -> None:
    assert find_gutter(TWO_COLUMNS.split("\n")) is not None
    lines = reading_order(TWO_COLUMNS).split("\n")
    assert lines[:3] == ["Asha Verma", "asha@example.com", "Skills"]
    assert lines.index("Experience") > lines.index("University of Leeds")
    assert "- Built Python services on Kubernetes" in lines


def test_right_aligned_dates_stay_on_their_line() -> None:
    assert find_gutter(DATES_ON_THE_RIGHT.split("\n")) is None
    assert reading_order(DATES_ON_THE_RIGHT) == DATES_ON_THE_RIGHT


def test_tables_are_not_split_and_rows_become_cells() -> None:
    assert find_gutter(TABLE.split("\n")) is None
    assert "Platforms | Kubernetes, Docker, AWS | 4" in tidy_cells(reading_order(TABLE))


def test_short_pages_are_left_alone() -> None:
    text = "Name          Title\nmail          phone\n"
    assert reading_order(text) == text
