"""The gap analysis: one function per rule id, coverage of the obligations, waivers."""
