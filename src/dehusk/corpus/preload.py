"""Imported by the forkserver of corpus mode: load dehusk and its models once, before any fork."""

from .work import WorkConfig, Worker

Worker(WorkConfig()).warm_up()
