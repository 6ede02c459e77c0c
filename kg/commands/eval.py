"""``kg eval``: precision, recall and F1 of extraction against gold annotations.

Example::

    kg eval /work/shared/eval-dev/gold-dev.jsonl
    kg eval gold.jsonl --json
"""
from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "eval", help="score extraction against gold annotations",
        description="Run extraction over every unit of a gold JSONL file (gold-dev.jsonl format) and "
                    "print precision, recall and F1 per source and type, strict and lenient.")
    parser.add_argument("gold", metavar="GOLD.jsonl", help="gold file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--workers", type=int, default=1, help="extraction worker processes (default: 1)")
    parser.set_defaults(func=run)


def print_table(table: dict) -> None:
    """One aligned line per mode, group and type."""
    print(f"{'mode':<8} {'group':<14} {'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}")
    for mode, groups in table.items():
        for group, types in groups.items():
            for type_, s in types.items():
                print(f"{mode:<8} {group:<14} {type_:<8} {s['precision']:>6.3f} {s['recall']:>6.3f} "
                      f"{s['f1']:>6.3f} {s['tp']:>6} {s['predicted']:>6} {s['gold']:>6}")


def run(args) -> int:
    from kg.eval import evaluate
    table = evaluate(args.gold, workers=args.workers)
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print_table(table)
    return 0
