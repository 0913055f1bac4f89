"""Worker processes that start fresh: a fork of a process that has run HiGHS can hang in the
solver, so workers come from a fork server (or are spawned where there is none)."""

from __future__ import annotations

import multiprocessing
import os


def cores() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def fresh_context(*preload: str) -> multiprocessing.context.BaseContext:
    """The context to start workers with. Where there is a fork server, it imports the modules
    `preload` once and forks the workers from it (the first caller's modules count)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return context
