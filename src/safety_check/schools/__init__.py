"""Class checks for schools: join codes, anonymous stored responses and suppressed reports.

Everything here is pure Python; storage lives in `safety_check.storage.cohorts` and the web and
API surfaces in `safety_check.service`.
"""
