"""Run work once after a commit, however many changes in the transaction asked for it."""

import threading

from django.db import transaction


class AfterCommit:
    """`request()` inside a transaction asks for `work` after its commit (at once outside one).

    Every request registers a callback, and the first callback after a commit does the work for all
    of them: ten tags confirmed in one transaction make one index write and one cache bump. A request
    in a transaction that rolls back leaves only a flag, which the next commit clears harmlessly.
    """

    def __init__(self, work):
        self.work = work
        self.local = threading.local()

    def request(self):
        self.local.wanted = True
        transaction.on_commit(self._run)

    def _run(self):
        if getattr(self.local, "wanted", False):
            self.local.wanted = False
            self.work()
