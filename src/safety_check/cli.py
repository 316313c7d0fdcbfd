"""The `safety-check` command line."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import msgspec

from safety_check import i18n
from safety_check.answers import AnswersInvalid, decode_request
from safety_check.content_language import questionnaire_in
from safety_check.plan import build_plan
from safety_check.plan_json import encode_plan
from safety_check.settings import PREFIX, Settings, SettingsError, from_environment
from safety_check.storage import Database, StorageError, open_database
from safety_check.storage import schools as stored_schools
from safety_check.storage.keys import create_key, list_keys, revoke_key
from safety_check.textplan import render_plan, render_questionnaire

if TYPE_CHECKING:
    from safety_check.service.classes.checks import ClassChecks
    from safety_check.service.classes.schools import Schools

MAX_ANSWERS_BYTES = 64 * 1024
EXIT_BAD_INPUT = 2


class InputError(Exception):
    """Bad input from the user: reported on stderr as one line per problem, never a traceback."""

    def __init__(self, *lines: str) -> None:
        self.lines = lines
        super().__init__("; ".join(lines))


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_ANSWERS_BYTES + 1)
    if len(data) > MAX_ANSWERS_BYTES:
        raise InputError(f"{name}: file is larger than {MAX_ANSWERS_BYTES // 1024} KiB")
    return data


def read_answers_file(path: str) -> bytes:
    if path == "-":
        return _read_limited(sys.stdin.buffer, "stdin")
    try:
        with Path(path).open("rb") as stream:
            return _read_limited(stream, path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None


def _plan_command(args: argparse.Namespace) -> int:
    body = read_answers_file(args.file)
    try:
        answers = decode_request(body)
    except msgspec.DecodeError as error:
        raise InputError(f"{args.file}: not valid JSON ({error})") from None
    except msgspec.ValidationError as error:
        raise InputError(f"{args.file}: {error}") from None
    except AnswersInvalid as invalid:
        raise InputError(
            *(f"{args.file}: {p.question or '-'}: {p.message} [{p.code}]" for p in invalid.problems)
        ) from None
    plan = build_plan(answers, args.language)
    if args.format == "json":
        sys.stdout.write(msgspec.json.format(encode_plan(plan)).decode() + "\n")
    else:
        sys.stdout.write(render_plan(plan, args.language))
    return 0


def _questionnaire_command(args: argparse.Namespace) -> int:
    questionnaire = questionnaire_in(args.language)
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(questionnaire)).decode() + "\n")
    else:
        sys.stdout.write(render_questionnaire(questionnaire))
    return 0


def _settings() -> Settings:
    try:
        return from_environment()
    except SettingsError as error:
        raise InputError(*str(error).split("; ")) from None


def _serve_command(args: argparse.Namespace) -> int:
    from safety_check.service.platform.server import serve

    overrides = {"HOST": args.host, "PORT": args.port, "WORKERS": args.workers}
    for name, value in overrides.items():
        if value is not None:
            os.environ[PREFIX + name] = str(value)
    settings = _settings()
    asyncio.run(_open_and_close(settings))  # create and migrate the database before serving
    serve(settings)  # Granian with bounded reads and connections: see service/platform/server.py
    return 0


async def _open_and_close(settings: Settings) -> None:
    database = open_database(settings.database_location())
    try:
        await database.open()
        if settings.redis_url is not None:
            from safety_check.service.platform.core import connect_redis

            await (await connect_redis(settings.redis_url)).aclose()
    except StorageError as error:
        raise InputError(str(error)) from None
    finally:
        await database.close()


def _openapi_command(args: argparse.Namespace) -> int:
    from safety_check.service.platform.openapi import openapi_document

    document = openapi_document()
    if args.output == "-":
        sys.stdout.write(document)
    else:
        Path(args.output).write_text(document)
    return 0


async def _with_database(work: Callable[[Database], Awaitable[int]]) -> int:
    database = open_database(_settings().database_location())
    try:
        await database.open()
    except StorageError as error:
        raise InputError(str(error)) from None
    try:
        return await work(database)
    finally:
        await database.close()


def _keys_command(args: argparse.Namespace) -> int:
    async def create(database: Database) -> int:
        try:
            key, record = await create_key(database, args.name)
        except ValueError as error:
            raise InputError(str(error)) from None
        sys.stdout.write(
            f"Created key {record.prefix} for {record.name!r}. Copy it now; it is not shown again:\n"
            f"{key}\n"
        )
        return 0

    async def list_all(database: Database) -> int:
        rows = await list_keys(database)
        if not rows:
            sys.stdout.write("No API keys.\n")
        for row in rows:
            state = f"revoked {row.key.revoked_day}" if row.key.revoked_day else "active"
            sys.stdout.write(
                f"{row.key.prefix}  {state:<18} created {row.key.created_day}  "
                f"today {row.requests_today:>6}  total {row.requests_total:>8}  {row.key.name}\n"
            )
        return 0

    async def revoke(database: Database) -> int:
        if not await revoke_key(database, args.prefix):
            raise InputError(f"no active key with prefix {args.prefix!r}")
        sys.stdout.write(f"Revoked key {args.prefix}.\n")
        return 0

    actions = {"create": create, "list": list_all, "revoke": revoke}
    return asyncio.run(_with_database(actions[args.keys_command]))


def _class_checks(database: Database) -> ClassChecks:
    """The class-checks service on an open database: the one way to class-check data, for the
    CLI as for the web (its limits and secret are not needed for listing or purging)."""
    # Imported here: the service brings the web framework, which `plan` and the rest never need.
    from safety_check.service.classes.checks import ClassChecks
    from safety_check.service.platform.core import Platform

    return ClassChecks(Platform(_settings(), database))


def _class_checks_command(args: argparse.Namespace) -> int:
    async def list_all(database: Database) -> int:
        rows = await _class_checks(database).summaries()
        if not rows:
            sys.stdout.write("No class checks.\n")
        for row in rows:
            state = "open until" if row.open else "closed"
            sys.stdout.write(
                f"{row.public_id}  {state:<10} {row.closes_day}  delete on {row.delete_day}  "
                f"responses {row.responses:>6}  {row.name}\n"
            )
        return 0

    return asyncio.run(_with_database(list_all))


def _schools_command(args: argparse.Namespace) -> int:
    """Schools, for the operator: make one (printing its lead's key once), make an invitation
    key someone else can make one school with, list them."""

    def service(database: Database) -> Schools:
        from safety_check.service.classes.schools import Schools  # the web framework: see above

        checks = _class_checks(database)
        return Schools(checks.platform, checks)

    async def create(database: Database) -> int:
        from safety_check.service.classes.schools import clean_label

        name, lead = clean_label(args.name), clean_label(args.lead)
        if name is None or lead is None:
            raise InputError("give a name of 1 to 80 characters, without control characters")
        school, made = await service(database).create("cli", name, lead, None)
        sys.stdout.write(
            f"School {school.name} ({school.public_id}) made.\n"
            f"Key for {made.teacher.label}, its lead (shown only now): {made.key}\n"
        )
        return 0

    async def invite(database: Database) -> int:
        key = await service(database).invite()
        sys.stdout.write(f"Invitation key (makes one school; shown only now): {key}\n")
        return 0

    async def list_all(database: Database) -> int:
        rows = await service(database).summaries()
        if not rows:
            sys.stdout.write("No schools.\n")
        for school, teachers, classes in rows:
            sys.stdout.write(
                f"{school.public_id}  made {school.created_day}  teachers {teachers:>3}  "
                f"classes {classes:>4}  {school.name}\n"
            )
        return 0

    async def delete(database: Database) -> int:
        from safety_check.service.classes.schools import NotConfirmed

        schools = service(database)
        school = await schools.find_school(args.public_id)
        if school is None:
            raise InputError(f"no school {args.public_id} (see 'schools list')")
        try:
            removed = await schools.delete_school(school, args.confirm or "")
        except NotConfirmed:
            held = await stored_schools.holdings(database, school)
            sys.stdout.write(
                f"{school.name} holds {held.classes} class checks with {held.responses} "
                f"responses, {held.teachers} teacher keys and {held.views} published views.\n"
                f"To delete it with all of them, run again with --confirm '{school.name}'.\n"
            )
            return 1
        if removed is not None:
            sys.stdout.write(
                f"Deleted {school.name}: {removed.classes} class checks, {removed.responses} "
                f"responses, {removed.teachers} teacher keys, {removed.invitations} "
                f"invitations, {removed.views} published views.\n"
            )
        return 0

    actions = {"create": create, "invite": invite, "list": list_all, "delete": delete}
    return asyncio.run(_with_database(actions[args.schools_command]))


def _migrate_command(args: argparse.Namespace) -> int:
    async def migrated(database: Database) -> int:
        sys.stdout.write(f"Database schema is up to date ({database.dialect}).\n")
        return 0

    return asyncio.run(_with_database(migrated))  # opening a database migrates it


def _purge_command(args: argparse.Namespace) -> int:
    async def purge(database: Database) -> int:
        classes, responses = await _class_checks(database).purge_expired()
        sys.stdout.write(f"Deleted {classes} expired class checks and {responses} responses.\n")
        return 0

    return asyncio.run(_with_database(purge))


def _backup_command(args: argparse.Namespace) -> int:
    async def backup(database: Database) -> int:
        target = Path(args.path)
        if target.exists():
            raise InputError(f"{target}: already exists; choose a new file name")
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such directory")
        try:
            await database.backup(target)
        except StorageError as error:
            raise InputError(str(error)) from None
        sys.stdout.write(f"Backed up to {target} (integrity check ok).\n")
        return 0

    return asyncio.run(_with_database(backup))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="safety-check",
        description="Safety Check: an online safety and privacy self-check.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    questionnaire = commands.add_parser("questionnaire", help="print the questionnaire")
    questionnaire.add_argument("--json", action="store_true", help="print it as JSON")
    questionnaire.add_argument("--language", choices=i18n.LANGUAGES, default=i18n.DEFAULT)
    questionnaire.set_defaults(handler=_questionnaire_command)

    plan = commands.add_parser("plan", help="print the plan for a file of answers")
    plan.add_argument("file", help='answers JSON, {"answers": {...}}; "-" reads stdin')
    plan.add_argument("--format", choices=("text", "json"), default="text")
    plan.add_argument(
        "--language",
        choices=i18n.LANGUAGES,
        default=i18n.DEFAULT,
        help="the plan's language (cy: Welsh, as far as its catalogue is translated)",
    )
    plan.set_defaults(handler=_plan_command)

    serve = commands.add_parser("serve", help="run the web service (settings: SAFETY_CHECK_*)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(handler=_serve_command)

    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--output", default="openapi.json", help='file to write; "-" for stdout')
    openapi.set_defaults(handler=_openapi_command)

    keys = commands.add_parser("keys", help="manage partner API keys")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    create = key_commands.add_parser("create", help="create a key and print it once")
    create.add_argument("name", help="who the key is for")
    key_commands.add_parser("list", help="list keys with their request counts")
    revoke = key_commands.add_parser("revoke", help="revoke a key")
    revoke.add_argument("prefix", help="the key's prefix, as shown by 'keys list'")
    keys.set_defaults(handler=_keys_command)

    class_checks = commands.add_parser("cohorts", help="class checks for schools")
    class_check_commands = class_checks.add_subparsers(dest="cohorts_command", required=True)
    class_check_commands.add_parser("list", help="list class checks with their response counts")
    class_checks.set_defaults(handler=_class_checks_command)

    schools = commands.add_parser("schools", help="schools, their leads and invitations")
    school_commands = schools.add_subparsers(dest="schools_command", required=True)
    make = school_commands.add_parser("create", help="make a school and print its lead's key")
    make.add_argument("name", help="the school's name")
    make.add_argument("--lead", default="School lead", help="what the first lead is called")
    school_commands.add_parser("invite", help="print a key that makes one school")
    school_commands.add_parser("list", help="list schools with their teachers and classes")
    remove = school_commands.add_parser(
        "delete", help="delete a school with its classes, responses and keys"
    )
    remove.add_argument("public_id", help="the school's id, as shown by 'schools list'")
    remove.add_argument("--confirm", metavar="NAME", help="the school's name, to confirm")
    schools.set_defaults(handler=_schools_command)

    migrate = commands.add_parser("migrate", help="create or upgrade the database schema")
    migrate.set_defaults(handler=_migrate_command)

    purge = commands.add_parser("purge", help="delete class checks whose delete day has come")
    purge.set_defaults(handler=_purge_command)

    backup = commands.add_parser("backup", help="write a consistent, checked copy of the database")
    backup.add_argument("path", help="the new file to write (must not exist)")
    backup.set_defaults(handler=_backup_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except InputError as error:
        for line in error.lines:
            sys.stderr.write(f"safety-check: {line}\n")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
