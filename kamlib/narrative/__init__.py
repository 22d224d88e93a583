"""Narrative: sentences generated from analysis results, in German or English.

One module per deliverable. Functions take a result and a language and return
text (HTML-safe: client data such as customer names is escaped), with every
figure formatted for the language. The wording lives in
:mod:`kamlib.messages`; this package decides which sentence applies.
"""
