"""Widgets and screens. No file IO, no speech engine calls, no SQL in here."""
