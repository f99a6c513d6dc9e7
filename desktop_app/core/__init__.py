"""The domain: no Qt here. Services, records, the temporal engine, importers and exporters."""
