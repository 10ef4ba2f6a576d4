"""Scans in the window: the thumbnails strip on a record (`strip`), the viewer (`viewer`) and the
scan inbox (`inbox`). Decoding always happens in the background, at the size shown."""
