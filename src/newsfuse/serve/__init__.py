"""``newsfuse serve``: a local web app where developing stories live and update.

Layers: ``store`` (the database, in ``newsfuse.store``), ``jobs`` (the
background worker that turns raw reports into clustered, briefed stories),
``app`` (Starlette routes, templates, security). Pure logic (``diff``,
``uploads``) has no I/O of its own beyond what it is handed.
"""
