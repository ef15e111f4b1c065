"""Reads an XLSX with openpyxl (an independent reader) and prints sheets, cell values and data types as JSON."""
import json
import sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    out[ws.title] = [[{'v': c.value, 't': c.data_type} for c in row] for row in ws.iter_rows()]
print(json.dumps(out, ensure_ascii=False, default=str))
