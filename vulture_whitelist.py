"""Names vulture (``make lint``) reports as unused that are used, and why.

Vulture matches names, not places: each line below "uses" one. Qt's virtual overrides
(``headerData``, ``sizeHintForRow``, ...) are camelCase and skipped by ``ignore_names`` in
pyproject.toml, so they need no line here.
"""
# ruff: noqa

# Facts of the decision core (issue 13), for the family page and the charts being written.
_.unchecked  # RedFlagCoverage
_.out_of_pocket_per_point  # CostRow
_.rating_from  # RatingStep
_.rule_out_changes  # RatingStep
_.runner_up_id  # LeadVerdict
_.moves_gap_by  # QuestionImpact

# Part of the dataclass's equality: a file touched but unchanged in content differs in it.
_.mtime_ns  # Fingerprint
# PyYAML calls ignore_aliases on its Representer subclasses.
_.ignore_aliases
# The engine's alignments are a complete set, whether or not a page uses each today.
_.RIGHT  # Align
# The standard signatures of __exit__ and of QGuiApplication.commitDataRequest's slot.
_.exc_type
_.exc
_.manager

# Tests: a fixture asked for its effect, a signal handler's signature, HTMLParser's callbacks,
# modules imported early so their import time is not measured.
_.font_scale
_.signum
_.handle_starttag
_.handle_data
_.ketachecklist

# QtCharts does not own the label objects of a chart; the view holds them so they outlive the call.
_._chart_labels  # ui/chart_view.py
# HTMLParser calls handle_endtag on the test's parser subclass.
_.handle_endtag

# Python calls a package's module-level __getattr__ for a name it does not hold (PEP 562):
# ketachecklist.present loads its presentation on first use.
_.__getattr__
# dataclasses.fields and replace read a Field's _field_type (core/frozen_record.py makes a
# record's Fields as @dataclass does).
_._field_type
# Tests: record classes defined only to show that defining them is refused.
_.Hidden  # tests/core/test_frozen_record.py
_.Both  # tests/core/test_frozen_record.py
