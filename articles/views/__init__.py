"""Public pages: browse (regions, dates, people, events, outlets, articles), search, and the JSON API."""
