"""Importers: people from the field's knowledge bases (Wikidata, OpenSanctions' FollowTheMoney) as
gazetteer files, with the tables they share (countries, office kinds) kept as data beside them."""
