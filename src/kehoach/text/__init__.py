"""Vietnamese text rules: dates, numbers, numbering, symbols (số/ký hiệu) and the placeholders of free text."""
