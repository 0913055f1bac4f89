"""What a result is, its folder (summary.json, CSVs, report.md), the independent checker, and the figures that explain it."""
