"""Services: one public method, one transaction; they take and return plain records."""
