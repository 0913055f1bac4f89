"""Meeting material: the workbook, the HTML page with map and charts, built from result folders."""
