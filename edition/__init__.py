"""Shared code of the research edition of *Fresh hysteria over detail-less Bolivia-Iran security deal*.

Notebooks, tests and the Sphinx build import from here, so that each rule about the data
is written once.
"""
