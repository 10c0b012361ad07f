"""Loading and validating the YAML inputs (profiles, documents, plans) into typed models, with every problem located."""
