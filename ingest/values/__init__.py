"""Measure values (mått över tid): readers for statisticians' sheets and Kolada files, and the import."""
