"""`mockmate bench interviewer`: how well the offline interviewer fits the job, the person and the answer.

Figures, all measured on data files under tests/fixtures/interviewer/:
- coverage: hand-labelled required skill groups of 39 job descriptions across fields (jds.json) probed by
  technical plans of 8 and 10 questions at each JD's difficulty; a group counts as probed when a question's
  bank tags name one of its skills (or the skill it implies, "SQL" for "PostgreSQL"), or a resume-claim
  question quotes one. 31 "dev" JDs were used to find bank gaps; 8 "holdout" JDs were written afterwards and
  nothing was tuned on them. The JD parser is also scored against the same labels;
- resume claims: plans with at least one resume-claim question, over every JD's resume (resumes.json, all
  with quantified claims) at every difficulty;
- repeats: main questions asked again over 3 consecutive sessions of the same set-up, the history of each
  session feeding the next exactly as the store would;
- follow-ups: precision and recall of "should probe" against hand labels (follow_up_labels.json), on the
  held-out third (split "holdout", fixed by a hash of each id before any tuning) and on the rest.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "interviewer"
PLAN_SIZES = (8, 10)
SESSIONS = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fixtures", type=Path, default=FIXTURES, help="folder with jds.json, resumes.json, ..."
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="list every uncovered group and every error")


@dataclass(frozen=True)
class JdCase:
    id: str
    title: str
    difficulty: str
    jd: str
    resume: str
    required: list[list[str]]
    split: str  # "holdout": written after the bank and planner were tuned on the "dev" ones, never tuned on


def _load(folder: Path, name: str) -> Any:
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"benchmark data {path} cannot be read ({exc})") from exc


def load_cases(folder: Path) -> list[JdCase]:
    return [
        JdCase(
            c["id"],
            c["title"],
            c["difficulty"],
            c["jd"],
            c.get("resume", ""),
            c["required"],
            c.get("split", "dev"),
        )
        for c in _load(folder, "jds.json")
    ]


def _resume(data: dict[str, Any]) -> Any:
    from ..domain.enums import Source
    from ..domain.resume import Experience, ResumeProfile

    return ResumeProfile(
        source=Source.OFFLINE,
        name=data["name"],
        skills_technical=list(data.get("skills", [])),
        experience=[Experience(title="", organisation=data["organisation"], highlights=data["highlights"])],
    )


def _config(case: JdCase, count: int, itype: str = "technical", difficulty: str | None = None) -> Any:
    from ..domain.config import InterviewConfig

    return InterviewConfig(
        job_title=case.title,
        job_description=case.jd,
        interview_type=itype,
        difficulty=difficulty or case.difficulty,
        question_count=count,
    )


def _probed(picks: Sequence[Any], group: Sequence[str]) -> bool:
    from ..domain.jd_requirements import RequirementGroup
    from ..engine.offline.planner import probes

    wanted = RequirementGroup(tuple(group), True, " or ".join(group))
    for pick in picks:
        if pick.entry is not None and probes(pick.entry, wanted, loose=True):
            return True
        quoted = any(skill.casefold() in pick.text.casefold() for skill in group)
        if pick.entry is None and pick.competency != "leadership" and quoted:
            return True  # a resume-claim question that quotes the skill
    return False


def coverage(
    bank: Any, cases: Sequence[JdCase], resumes: dict[str, Any], itype: str = "technical"
) -> dict[str, Any]:
    from ..engine.offline.planner import plan_picks

    per_size: dict[str, Any] = {}
    for split, count in ((split, count) for split in ("holdout", "dev") for count in PLAN_SIZES):
        hit = total = 0
        uncovered: list[str] = []
        for case in (c for c in cases if c.split == split):
            resume = _resume(resumes[case.resume]) if case.resume else None
            picks = plan_picks(bank, _config(case, count, itype), resume)
            for group in case.required:
                total += 1
                if _probed(picks, group):
                    hit += 1
                else:
                    uncovered.append(f"{case.id}: {' or '.join(group)}")
        per_size[f"{split}/{count}"] = {
            "covered": hit,
            "groups": total,
            "coverage": round(hit / total, 3) if total else 0.0,
            "uncovered": uncovered,
        }
    return per_size


def parser_accuracy(cases: Sequence[JdCase]) -> dict[str, Any]:
    from ..domain.jd_requirements import requirement_groups

    exact = found = total = 0
    for case in cases:
        parsed = [set(g.skills) for g in requirement_groups(case.jd) if g.required]
        for group in case.required:
            total += 1
            exact += any(set(group) == p for p in parsed)
            found += any(set(group) & p for p in parsed)
    return {"groups": total, "exact": round(exact / total, 3), "found": round(found / total, 3)}


def claim_questions(bank: Any, cases: Sequence[JdCase], resumes: dict[str, Any]) -> dict[str, Any]:
    from ..domain.resume_claims import extract_claims
    from ..engine.offline.planner import plan_picks

    plans = with_claim = 0
    for case in cases:
        resume = _resume(resumes[case.resume]) if case.resume else None
        if not extract_claims(resume):
            continue
        for difficulty in ("beginner", "intermediate", "experienced", "expert"):
            for itype in ("technical", "behavioural", "overall"):
                picks = plan_picks(bank, _config(case, 8, itype, difficulty), resume)
                plans += 1
                with_claim += any(p.entry is None for p in picks)
    return {
        "plans": plans,
        "with_claim_question": with_claim,
        "share": round(with_claim / plans, 3) if plans else 0.0,
    }


def repeats(bank: Any, cases: Sequence[JdCase], resumes: dict[str, Any]) -> dict[str, Any]:
    from ..domain.plan_history import EMPTY_HISTORY, merge_recent
    from ..engine.offline.planner import plan_picks

    total_repeats = 0
    setups_with_repeats: list[str] = []
    for itype in ("technical", "behavioural", "overall"):
        for case in cases:
            resume = _resume(resumes[case.resume]) if case.resume else None
            history = EMPTY_HISTORY
            seen: set[str] = set()
            repeated = 0
            for _ in range(SESSIONS):
                texts = [p.text for p in plan_picks(bank, _config(case, 8, itype), resume, history)]
                repeated += sum(1 for t in texts if t in seen)
                seen |= set(texts)
                history = merge_recent(history, texts)
            total_repeats += repeated
            if repeated:
                setups_with_repeats.append(f"{case.id}/{itype}: {repeated}")
    return {
        "setups": len(cases) * 3,
        "sessions_each": SESSIONS,
        "questions_each": 8,
        "repeated_main_questions": total_repeats,
        "setups_with_repeats": setups_with_repeats,
    }


def follow_ups(bank: Any, folder: Path) -> dict[str, Any]:
    from ..domain.enums import Difficulty, Language
    from ..domain.scoring import ScoringInput, score_answer
    from ..engine.offline.follow_up import Turn, choose_probe

    results: dict[str, dict[str, int]] = {}
    errors: list[str] = []
    for item in _load(folder, "follow_up_labels.json"):
        language = Language(item["language"])
        entry = bank.find_by_text(Language.EN, item["question"])
        score = score_answer(
            ScoringInput(
                question=item["question"],
                expected_points=list(entry.expected_points) if entry is not None else [],
                behavioural=item["behavioural"],
                transcript=item["answer"],
            )
        )
        turn = Turn(
            item["question"], item["answer"], item["behavioural"], Difficulty(item["difficulty"]), language
        )
        probe = choose_probe(score, turn, entry)
        predicted, wanted = probe is not None, item["label"] == "probe"
        counts = results.setdefault(item["split"], {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        key = ("tp" if wanted else "fp") if predicted else ("fn" if wanted else "tn")
        counts[key] += 1
        if predicted != wanted:
            errors.append(
                f"{item['split']} {item['id']}: labelled {item['label']}, engine {probe or 'move on'}"
            )
    out: dict[str, Any] = {}
    for split, c in sorted(results.items()):
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[split] = {**c, "n": sum(c.values()), "precision": round(precision, 3), "recall": round(recall, 3)}
    out["errors"] = errors
    return out


def measure(folder: Path) -> dict[str, Any]:
    from ..engine.offline.bank import load_bank

    bank = load_bank()
    cases = load_cases(folder)
    resumes = _load(folder, "resumes.json")
    return {
        "engine": "offline planner and follow-up rules (no model)",
        "jds": len(cases),
        "parser": parser_accuracy(cases),
        "coverage_technical": coverage(bank, cases, resumes),
        "coverage_mixed_overall": coverage(bank, cases, resumes, "overall"),
        "resume_claims": claim_questions(bank, cases, resumes),
        "repeats": repeats(bank, cases, resumes),
        "follow_ups": follow_ups(bank, folder),
    }


def _print(result: dict[str, Any], details: bool) -> None:
    print(f"Interviewer benchmark ({result['engine']}), {result['jds']} job descriptions")
    parser = result["parser"]
    print(
        f"  JD parser vs hand labels: {parser['groups']} required groups, exact {parser['exact']:.0%}, found {parser['found']:.0%}"
    )
    for label, key in (("technical", "coverage_technical"), ("mixed (overall)", "coverage_mixed_overall")):
        for size, row in result[key].items():
            split, _, count = size.partition("/")
            print(
                f"  coverage, {label} plans of {count}, {split} JDs: {row['covered']}/{row['groups']} "
                f"= {row['coverage']:.1%}"
            )
            if details:
                for missing in row["uncovered"]:
                    print(f"      not probed: {missing}")
    claims = result["resume_claims"]
    print(
        f"  resume-claim question: {claims['with_claim_question']}/{claims['plans']} plans ({claims['share']:.0%})"
    )
    rep = result["repeats"]
    print(
        f"  repeated main questions over {rep['sessions_each']} sessions x {rep['questions_each']} questions: "
        f"{rep['repeated_main_questions']} in {rep['setups']} set-ups"
    )
    for line in rep["setups_with_repeats"] if details else []:
        print(f"      {line}")
    for split in ("holdout", "dev"):
        row = result["follow_ups"].get(split)
        if row:
            print(
                f"  follow-up 'should probe' on {split} ({row['n']} answers): precision {row['precision']:.2f}, "
                f"recall {row['recall']:.2f} (tp {row['tp']}, fp {row['fp']}, fn {row['fn']}, tn {row['tn']})"
            )
    # Only development errors are listed: reading the held-out ones would make them tuning data.
    for line in result["follow_ups"]["errors"] if details else []:
        if line.startswith("dev "):
            print(f"      {line}")


def run(args: argparse.Namespace, ctx: object) -> int:
    result = measure(args.fixtures)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        _print(result, args.details)
    return 0
