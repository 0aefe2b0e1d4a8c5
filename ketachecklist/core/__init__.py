"""The Qt-free domain: catalogue, comparison document, scoring and storage.

Nothing in this package may import Qt; tests/core/test_no_qt.py proves it in a subprocess.
"""
