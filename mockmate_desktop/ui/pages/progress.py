"""Progress: scores and delivery across interviews, filtered by role and type, exported as CSV or PDF."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.delivery_metrics import guidance_bands
from ...domain.enums import InterviewType
from ...domain.progress import ProgressPoint, filter_points, metric_names, progress_csv, series, trend
from ..widgets.common import hint, title
from ..widgets.trend_chart import trend_chart

if TYPE_CHECKING:
    from ..shell import Shell

_W = TypeVar("_W", bound=QWidget)
_LOWER_IS_BETTER = {"fillers_per_100_words", "time_to_first_word_s"}
_ALL = ""


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def metric_label(metric: str) -> str:
    if metric == "overall":
        return "Overall score (0-100)"
    if metric.startswith("competency:"):
        return f"Competency: {metric.removeprefix('competency:')} (0-10)"
    units = {"words_per_minute": "wpm", "fillers_per_100_words": "per 100 words", "time_to_first_word_s": "s"}
    name = metric.removesuffix("_s").replace("_", " ").capitalize()
    return f"{name} ({units[metric]})" if metric in units else f"{name} (0-10)"


class ProgressPage(QWidget):
    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.setObjectName("progressPage")
        self._shell = shell
        self._points: list[ProgressPoint] = []
        self._shown: list[ProgressPoint] = []
        self.last_draw_ms = 0.0
        self._chart: QWidget | None = None

        self.role = _named(QComboBox(), "progressRole")
        self.kind = _named(QComboBox(), "progressType")
        self.kind.addItem("All types", _ALL)
        for value in InterviewType:
            self.kind.addItem(value.value.capitalize(), value.value)
        self.metric_box = _named(QComboBox(), "progressMetric")
        for box in (self.role, self.kind):
            box.currentIndexChanged.connect(self._refilter)
        self.metric_box.currentIndexChanged.connect(self._draw)
        filters = QHBoxLayout()
        for text, box in (("Role", self.role), ("Type", self.kind), ("Show", self.metric_box)):
            filters.addWidget(QLabel(text))
            filters.addWidget(box, 1)

        self.summary = _named(QLabel(), "progressSummary")
        self.summary.setWordWrap(True)
        self.chart_holder = QVBoxLayout()
        self.empty = hint("No finished interviews yet. Finish an interview and its scores will appear here.")
        self.empty.setObjectName("progressEmpty")
        self.start_button = _named(QPushButton("Start a new interview"), "progressStart")
        self.start_button.clicked.connect(lambda _checked=False: self._shell.go("setup"))
        self.table = _named(QTableWidget(0, 4), "progressTable")
        self.table.setHorizontalHeaderLabels(["Date", "Role", "Type", "Overall"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(lambda row, _col: self._open(row))
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.csv_button = _named(QPushButton("Export CSV…"), "progressCsv")
        self.pdf_button = _named(QPushButton("Export PDF…"), "progressPdf")
        self.csv_button.clicked.connect(lambda _checked=False: self._export("csv"))
        self.pdf_button.clicked.connect(lambda _checked=False: self._export("pdf"))
        self.plan_button = _named(QPushButton("Practice plan…"), "progressPlan")
        self.plan_button.setToolTip("Drills built from the selected interview, ticked off by your re-answers")
        self.plan_button.clicked.connect(lambda _checked=False: self._open_plan())
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)

        # The content and the empty state are separate blocks: an empty page shows its message at the top
        # instead of spreading it over the room the chart and the table would take.
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.summary)
        content.addLayout(self.chart_holder, 3)
        content.addWidget(self.table, 2)
        content.addLayout(buttons)
        self.empty_block = QWidget()
        empty = QVBoxLayout(self.empty_block)
        empty.setContentsMargins(0, 0, 0, 0)
        empty.addWidget(self.empty)
        empty.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title("Progress"))
        layout.addWidget(hint("Your scores and delivery across interviews. Click a point or a row to open it."))
        layout.addLayout(filters)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.empty_block, 1)
        self._set_empty(True)

    # loading --------------------------------------------------------------------------------------
    def on_enter(self) -> None:
        self._shell.tasks.run(
            lambda: self._shell.services.coaching().progress(),
            self.show_points,
            lambda exc: self._shell.show_exception(exc, "Loading your progress"),
            name="Loading progress",
        )

    def show_points(self, points: list[ProgressPoint]) -> None:
        self._points = points
        current = self.role.currentData()
        self.role.blockSignals(True)
        self.role.clear()
        self.role.addItem("All roles", _ALL)
        for role in sorted({p.job_title.strip() for p in points}, key=str.casefold):
            self.role.addItem(role, role)
        found = self.role.findData(current)
        self.role.setCurrentIndex(max(0, found))
        self.role.blockSignals(False)
        self._refilter()

    def _refilter(self) -> None:
        role = self.role.currentData() or None
        kind = self.kind.currentData() or None
        self._shown = filter_points(self._points, role=role, interview_type=InterviewType(kind) if kind else None)
        wanted = self.metric_box.currentData()
        self.metric_box.blockSignals(True)
        self.metric_box.clear()
        for name in metric_names(self._shown):
            self.metric_box.addItem(metric_label(name), name)
        self.metric_box.setCurrentIndex(max(0, self.metric_box.findData(wanted)))
        self.metric_box.blockSignals(False)
        self._fill_table()
        self._draw()

    # drawing --------------------------------------------------------------------------------------
    def _set_empty(self, empty: bool) -> None:
        self.empty_block.setVisible(empty)
        self.content.setVisible(not empty)

    def _draw(self) -> None:
        started = time.perf_counter()
        if self._chart is not None:
            self._chart.deleteLater()
            self._chart = None
        metric = self.metric_box.currentData()
        values = series(self._shown, metric) if metric else []
        self._set_empty(not values)
        if not values:
            self.last_draw_ms = (time.perf_counter() - started) * 1000
            return
        lower = metric in _LOWER_IS_BETTER
        moved = trend(self._shown, metric, higher_is_better=not lower)
        if moved is not None:
            word = "best (lowest)" if lower else "best"
            self.summary.setText(
                f"{metric_label(metric)}: first {moved.first:g}, latest {moved.last:g} "
                f"({moved.change:+g}), {word} {moved.best:g}, over {moved.sessions} interview(s)."
            )
        indices = [i for i, p in enumerate(self._shown) if any(w == p.when for w, _ in values)]
        self._chart = trend_chart(
            metric_label(metric), values, self._band(metric), self._range(metric),
            lambda index: self._open_point(indices[index]), self,
        )  # fmt: skip
        self._chart.setObjectName("progressChart")
        self.chart_holder.addWidget(self._chart)
        self.last_draw_ms = (time.perf_counter() - started) * 1000

    def _band(self, metric: str) -> tuple[float | None, float | None] | None:
        # The bands' figures are the same in every language (only their notes differ).
        for band in guidance_bands("en"):
            if band.metric == metric:
                return band.low, band.high
        return None

    @staticmethod
    def _range(metric: str) -> tuple[float, float] | None:
        if metric == "overall":
            return 0.0, 100.0
        if metric.startswith("competency:") or metric in ("communication", "technical_knowledge",
                                                            "problem_solving", "cultural_fit", "confidence_clarity"):
            return 0.0, 10.0
        return None  # delivery figures: scaled to the data and its band

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self._shown))
        for row, point in enumerate(reversed(self._shown)):
            cells = (f"{point.when:%Y-%m-%d %H:%M}", point.job_title, point.interview_type.value, f"{point.overall}")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(point.session_id))
                self.table.setItem(row, col, item)

    # actions --------------------------------------------------------------------------------------
    def _open(self, row: int) -> None:
        self._open_point(len(self._shown) - 1 - row)

    def _open_plan(self) -> None:
        from ..plan_dialog import open_plan

        row = self.table.currentRow()
        index = len(self._shown) - 1 - row if row >= 0 else len(self._shown) - 1
        if 0 <= index < len(self._shown):
            open_plan(self._shell, self, self._shown[index].session_id)

    def _open_point(self, index: int) -> None:
        if 0 <= index < len(self._shown):
            self._shell.open_report(self._shown[index].session_id)

    def _export(self, kind: str) -> None:
        suffix = {"csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}[kind]
        target, _ = QFileDialog.getSaveFileName(self, "Export progress", f"mockmate-progress.{kind}", suffix)
        if target:
            self.export_to(Path(target))

    def export_to(self, target: Path) -> None:
        """Write the shown interviews to `target` (.csv or .pdf) in the background."""
        points = list(self._shown)
        if target.suffix.lower() == ".pdf":
            from .progress_pdf import chart_png, write_progress_pdf

            image = chart_png(self._chart) if self._chart is not None else b""
            title_text = self.summary.text()
            work: Any = lambda: write_progress_pdf(target, points, title_text, image)  # noqa: E731
        else:
            from ...core.files import atomic_write_text

            work = lambda: atomic_write_text(target, progress_csv(points))  # noqa: E731
        self._shell.tasks.run(
            work,
            lambda _result: self._shell.show_message(f"Exported {len(points)} interview(s) to {target}"),
            lambda exc: self._shell.show_exception(exc, "Exporting your progress"),
            name="Exporting progress",
        )
