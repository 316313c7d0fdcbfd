"""Count today's user-facing strings by home, for the table in docs/welsh.md.

Run from the repository root: `.venv/bin/python docs/welsh_string_count.py`. Content text is read
from the loaded objects, so it is exact; Python literals count when they hold two or more words
(doc strings left out), and templates count text nodes left after stripping HTML and Jinja tags,
so those two are estimates (upper bounds: some literals are log or SQL text). Once the message
catalogue exists, `pybabel extract` gives the real figure and this script can go.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

from safety_check.engine import COMPILED_RULES
from safety_check.questionnaire import QUESTIONNAIRE
from safety_check.resources import RESOURCES

SRC = Path("src/safety_check")
PROSE = re.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{2,}")
CLASS_PAGES = ("school", "_class", "_join", "join", "_report")


def distinct(texts: Iterable[str | None]) -> set[str]:
    return {text for text in texts if text}


def rule_strings() -> dict[str, set[str]]:
    words: set[str] = set()
    steps: set[str] = set()
    sources: set[str] = set()
    for compiled in COMPILED_RULES:
        rule = compiled.rule
        words |= distinct((rule.title, rule.summary, rule.why))
        for platform in (*rule.steps, *rule.how_to_check):
            steps |= set(platform.steps)
        sources |= {source.title for source in rule.sources}
    return {"titles": words, "steps": steps, "sources": sources}


def question_strings() -> set[str]:
    texts: list[str | None] = []
    for question in QUESTIONNAIRE.questions:
        texts += [question.text, question.hint, question.helper_text, question.helper_hint]
        texts += [
            text for option in question.options for text in (option.label, option.helper_label)
        ]
    return distinct(texts)


def resource_strings() -> set[str]:
    texts: list[str | None] = []
    for resource in RESOURCES.values():
        texts += [resource.name, resource.summary, resource.audience, resource.hours]
        texts += [resource.text, resource.without_voice, *resource.access, *resource.unverified]
    return distinct(texts)


def python_prose(paths: Iterable[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text())
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        found |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and PROSE.search(node.value)
        }
    return found


def template_text(path: Path) -> list[str]:
    text = re.sub(r"{#.*?#}", " ", path.read_text(), flags=re.S)
    text = re.sub(r"{%.*?%}", "\n", text, flags=re.S)
    text = re.sub(r"{{.*?}}", " X ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", text)
    return [line.strip() for line in text.split("\n") if re.search(r"[A-Za-z]{2,}", line)]


def main() -> None:
    for part, texts in rule_strings().items():
        print(f"rules ({len(COMPILED_RULES)}), {part}: {len(texts)}")
    print(f"questions ({len(QUESTIONNAIRE.questions)}): {len(question_strings())}")
    print(f"resources ({len(RESOURCES)}): {len(resource_strings())}")
    for name in ("plan.py", "helper_wording.py", "textplan.py"):
        print(f"{name}: {len(python_prose([SRC / name]))}")
    print(f"schools/*.py: {len(python_prose(sorted((SRC / 'schools').glob('*.py'))))}")
    print(f"service/**/*.py: {len(python_prose(sorted((SRC / 'service').rglob('*.py'))))}")
    pages = sorted((SRC / "templates").glob("*.html"))
    journey = [
        line
        for page in pages
        if not page.name.startswith(CLASS_PAGES)
        for line in template_text(page)
    ]
    classes = [
        line for page in pages if page.name.startswith(CLASS_PAGES) for line in template_text(page)
    ]
    print(f"templates, individual journey: {len(set(journey))}")
    print(f"templates, class checks: {len(set(classes))}")


if __name__ == "__main__":
    main()
