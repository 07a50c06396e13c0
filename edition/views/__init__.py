"""What the notebooks show: the edition's data as pandas tables, searchable HTML tables and
matplotlib figures. The data model (``edition.witness``, ``edition.claims`` and the rest) knows
nothing of pandas or matplotlib; everything that does lives here."""
