import NQ57CLICore

await NQ57Command.runFromCommandLine()
