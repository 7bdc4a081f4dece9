"""Whoosh's parallel writer, with sub-writers that die with the process that started them.

Whoosh's MpWriter forks one sub-writer per core. Each waits on its job queue for the next batch, so
if its parent is killed (kill -9, the out-of-memory killer) it waits forever. Worse, fork gives it
the parent's open files, and with them the flocks the parent held: our write lock and Whoosh's
MAIN_WRITELOCK. Every later import, curation or rebuild would then wait on a process nobody
remembers. Linux can send a child a signal when its parent dies; the sub-writers ask for SIGKILL.
"""

import ctypes
import multiprocessing
import os
import signal
import sys

from whoosh.multiproc import MpWriter, SubWriterTask

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent():
    """Called in the sub-writer, first thing."""
    if sys.platform != "linux":
        return  # elsewhere an orphaned sub-writer must be killed by hand
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != multiprocessing.parent_process().pid:
        os._exit(1)  # the parent died before the line above: nobody will signal us


class _SubWriter(SubWriterTask):
    def run(self):
        die_with_parent()
        super().run()


class ParallelWriter(MpWriter):
    def _new_task(self):
        task = _SubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task
