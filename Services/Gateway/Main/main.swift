import GatewayCore

await GatewayMain.main()
