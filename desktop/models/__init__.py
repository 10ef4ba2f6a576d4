"""Qt item models over `db` results."""
from desktop.models.record_model import ID_ROLE, RecordTableModel

__all__ = ["ID_ROLE", "RecordTableModel"]
