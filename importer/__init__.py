"""Import of an existing register from XLSX or CSV: partijen, deelnames and their financiële gegevens.

The flow is read (reading.py) → check and match every row (plan.py) → write all rows in one
transaction (plan.apply). The layout of the sheets is defined once, in columns.py; the template
and the export in that layout are made in workbook.py; service.py records each run as an ImportRun.
"""
