SET SESSION explicit_defaults_for_timestamp = OFF;
