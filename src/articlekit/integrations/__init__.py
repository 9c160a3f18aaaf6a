"""articlekit on other people's engines (datatrove); each module needs its extra."""
