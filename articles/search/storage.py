"""The index folder on disk: generations, the `current` link, the write and rebuild locks, the journal."""

import contextlib
import fcntl
import os
import shutil
import threading
import uuid
from datetime import UTC, datetime

from whoosh.filedb.filestore import FileStorage

CURRENT = "current"  # symlink to the generation searches read
LOCK_FILE = "write.lock"  # flock'ed around every Whoosh writer
JOURNAL = "rebuild.journal"  # ids changed while a rebuild runs, replayed before its swap
REBUILD_LOCK = "rebuild.lock"

_held = threading.local()  # roots whose write_lock this thread holds, so nesting does not deadlock


def file_storage(path):
    """Whoosh file storage without mmap. With mmap, Whoosh copies each file of a compound segment it
    opens into a BytesIO (BufferFile), so every worker would hold the whole index in its heap. Without
    it, reads seek in the segment file and the OS page cache is shared by all workers."""
    return FileStorage(path, supports_mmap=False)


class IndexFolder:
    """One index folder (a connection's PATH) and the generations, link, locks and journal in it.

    The folder holds `index-<timestamp>-<id>/` generations and a `current` symlink to the one searches
    read. A rebuild makes a new generation and swaps the link, so searches keep answering and the live
    folder is never deleted. Every writer holds an inter-process lock, so concurrent processes queue
    instead of failing, and a delete is never lost to Whoosh's LockError."""

    def __init__(self, root):
        self.root = os.path.abspath(root)

    def _path(self, name):
        return os.path.join(self.root, name)

    # Generations and the `current` link --------------------------------------------------------------

    def current(self):
        """The name of the generation searches read, or None before the first one."""
        try:
            return os.readlink(self._path(CURRENT))
        except OSError:
            return None

    def exists(self, name):
        return os.path.isdir(self._path(name))

    def storage(self, name):
        return file_storage(self._path(name))

    def new_generation(self):
        """An empty folder for a new generation; its name sorts by creation time."""
        os.makedirs(self.root, exist_ok=True)
        name = f"index-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        os.makedirs(self._path(name))
        return name

    def discard(self, name):
        """Delete a generation that was never made current (a rebuild that failed)."""
        shutil.rmtree(self._path(name), ignore_errors=True)

    def point_current_at(self, name):
        """Atomically switch searches to generation `name`, then drop all but the previous one."""
        previous = self.current()
        tmp = self._path(f".{CURRENT}-{uuid.uuid4().hex[:6]}")
        os.symlink(name, tmp)
        os.replace(tmp, self._path(CURRENT))
        keep = {name, previous}
        for entry in os.listdir(self.root):
            if entry.startswith("index-") and entry not in keep:
                shutil.rmtree(self._path(entry), ignore_errors=True)

    # Locks -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def write_lock(self):
        """Serialise writers across threads and processes; re-entrant within one thread."""
        held = _held.__dict__.setdefault("roots", set())
        if self.root in held:
            yield
            return
        os.makedirs(self.root, exist_ok=True)
        with open(self._path(LOCK_FILE), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            held.add(self.root)
            try:
                yield
            finally:
                held.discard(self.root)
                fcntl.flock(handle, fcntl.LOCK_UN)

    # A rebuild and its journal -----------------------------------------------------------------------

    @contextlib.contextmanager
    def rebuilding(self):
        """Hold the rebuild lock and keep a journal of what live writes change meanwhile.

        Only one rebuild of a folder runs at a time: a second one raises RuntimeError at once instead
        of waiting to build the same generation again. The journal is removed when the rebuild ends,
        whether or not it succeeded."""
        os.makedirs(self.root, exist_ok=True)
        with open(self._path(REBUILD_LOCK), "a") as guard:
            try:
                fcntl.flock(guard, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RuntimeError("another rebuild of this index is running") from None
            journal = self._path(JOURNAL)
            with open(journal, "w"):
                pass
            try:
                yield
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.remove(journal)

    def journal(self, identifiers):
        """While a rebuild runs, note what changed so the rebuild replays it before its swap."""
        path = self._path(JOURNAL)
        if identifiers and os.path.exists(path):
            with open(path, "a") as handle:
                handle.writelines(f"{ident}\n" for ident in identifiers)

    def journalled(self):
        """The identifiers noted in the journal of the running rebuild."""
        with open(self._path(JOURNAL)) as handle:
            return {line.strip() for line in handle if line.strip()}
