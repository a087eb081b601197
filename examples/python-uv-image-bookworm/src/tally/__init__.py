import click


@click.command()
@click.argument("words", nargs=-1)
def main(words):
    click.echo(f"{len(words)} words")
