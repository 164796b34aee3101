"""Matching: from a text and a compiled index to linked mentions.

`detect` finds candidate spans (the shapes names take, word by word through the index), `resolve`
decides who each one is or abstains (full names, coreference in the document, dates, titles).
"""
