"""The command-line reference (docs/reference/cli.md), generated from the typer app.

The page walks the click command tree that typer builds from the app it is given
(`archlex.cli.commands.app`: passed in, so that no package but `__main__` imports the CLI):
every command and subcommand, sorted by name, with its help text, arguments and options, so the
page says what `archlex COMMAND --help` says and cannot drift from it.
"""

from __future__ import annotations

import enum
import inspect
import typing
from typing import Any

import typer.main
from typer import _click as click
from typer.core import TyperArgument, TyperGroup, TyperOption

_PROGRAM = "archlex"
_TYPE_NAMES: dict[object, str] = {str: "text", int: "integer", float: "number", bool: "flag"}


def cli_reference(app: typer.Typer) -> str:
    """Markdown: a summary table of every command of `app`, then a section per command."""
    root = typer.main.get_command(app)
    root_context = click.Context(root, info_name=_PROGRAM)
    commands = list(_walk(root, root_context))
    lines = [
        "# Command-line reference",
        "",
        "Generated from the command-line interface (`archlex.cli.app`) by `make docs`; do not",
        "edit by hand. `archlex COMMAND --help` (or `-h`) prints the same help. Exit codes of",
        "`validate` and `check`: 0 nothing at or above `fail_on`, 1 findings at or above it,",
        "2 the model could not be read or the command was used wrongly, 3 an internal error",
        "(see the [CI guide](../ci.md#exit-codes)).",
        "",
        "| command | what it does |",
        "|---|---|",
    ]
    lines += [
        f"| [`{_path(context)}`](#{_anchor(context)}) | {_cell(_summary(command))} |"
        for command, context in commands
    ]
    lines.append("")
    for command, context in commands:
        lines += _section(command, context)
    return "\n".join(lines).rstrip("\n") + "\n"


def _walk(command: click.Command, context: click.Context) -> Any:
    """Every command, depth first, each group's subcommands sorted by name."""
    yield command, context
    if isinstance(command, TyperGroup):
        for name in sorted(command.commands):
            sub = command.commands[name]
            if sub.hidden:
                continue
            yield from _walk(sub, click.Context(sub, info_name=name, parent=context))


def _path(context: click.Context) -> str:
    return context.command_path


def _anchor(context: click.Context) -> str:
    return "-".join(context.command_path.split())


def _help(command: click.Command) -> str:
    return inspect.cleandoc(command.help or "").replace("\b\n", "")


def _summary(command: click.Command) -> str:
    return _help(command).split("\n\n")[0].replace("\n", " ")


def _section(command: click.Command, context: click.Context) -> list[str]:
    lines = [f"## {_path(context)} {{ #{_anchor(context)} }}", ""]
    usage = " ".join([_path(context), *command.collect_usage_pieces(context)])
    lines += ["```text", usage, "```", ""]
    for paragraph in _help(command).split("\n\n"):
        if paragraph.startswith("Example:"):
            example = paragraph.removeprefix("Example:").strip()
            lines += ["Example:", "", "```sh", example, "```", ""]
        else:
            lines += [paragraph.replace("\n", " "), ""]
    params = [p for p in command.get_params(context) if p.name != "help"]
    arguments = [p for p in params if isinstance(p, TyperArgument)]
    options = [p for p in params if isinstance(p, TyperOption) and not p.hidden]
    if arguments:
        lines += ["**Arguments**", "", "| argument | type | required | description |"]
        lines += ["|---|---|---|---|"]
        for argument in arguments:
            name = argument.name
            required = "yes" if argument.required else "no"
            repeat = ", one or more" if argument.nargs == -1 else ""
            lines.append(
                f"| `{name}` | {_type(argument)}{repeat} | {required} "
                f"| {_cell(_param_help(argument))} |"
            )
        lines.append("")
    if options:
        lines += ["**Options**", "", "| option | type | default | description |"]
        lines += ["|---|---|---|---|"]
        for option in options:
            flags = ", ".join(f"`{flag}`" for flag in [*option.opts, *option.secondary_opts])
            lines.append(
                f"| {flags} | {_type(option)} | {_default(option)} | {_cell(_param_help(option))} |"
            )
        lines.append("")
    if isinstance(command, TyperGroup):
        subs = [name for name in sorted(command.commands) if not command.commands[name].hidden]
        links = ", ".join(f"[`{name}`](#{_anchor(context)}-{name})" for name in subs)
        lines += [f"Commands: {links}.", ""]
    return lines


def _param_help(param: TyperArgument | TyperOption) -> str:
    text = getattr(param, "help", None)
    return " ".join((text or "").split())


def _type(param: TyperArgument | TyperOption) -> str:
    if isinstance(param, TyperOption) and param.is_flag:
        return "flag"
    descriptor = param.type_descriptor
    choices = descriptor.choices
    if choices is not None:
        return " \\| ".join(f"`{_text(choice)}`" for choice in choices)
    annotation: Any = descriptor.annotation
    if descriptor.is_list:
        annotation = typing.get_args(annotation)[0]
    name = _TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))
    if descriptor.is_path:
        name = "path"
    if descriptor.is_ranged:
        low = "" if param.min is None else _text(param.min)
        high = "" if param.max is None else _text(param.max)
        if low and high:
            return f"{name}, {low} to {high}"
        return f"{name}, at least {low}" if low else f"{name}, at most {high}"
    return name


def _default(option: TyperOption) -> str:
    if option.is_flag or option.default is None or option.show_default is False:
        return "—"
    value = option.default
    if isinstance(value, list | tuple):
        return ", ".join(f"`{_text(item)}`" for item in value) or "—"
    return f"`{_text(value)}`"


def _text(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(text: str) -> str:
    """Text fit for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
