"""Every printed and exported form of a comparison, rendered from one report model.

``model`` builds plain data (no Qt) from a comparison and its scores; ``html`` and
``csv_export`` render it without Qt; ``pdf`` and ``sheet`` lay it out page by page with QtGui
through the shared ``paged`` layout, which also drives the print preview. ``output`` writes
files atomically and words write failures for people.
"""
