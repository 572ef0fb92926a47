import GatewayCore
import GatewayWeb

await GatewayMain.main { handler, settings, logger in
    try WebServer.services(handler: handler, settings: settings, logger: logger)
}
