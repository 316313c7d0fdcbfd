"""Class checks for schools: join codes, anonymous stored responses and suppressed reports.

Everything here is pure Python. The class-checks service (`safety_check.service.classes.checks`)
is the one way in: it reaches storage (`safety_check.storage.class_checks`) and these modules, and the
web and API surfaces reach it through dependency injection.
"""
