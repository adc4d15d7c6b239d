// The bot on Azure: a Linux App Service (Node 22 or 24), the Azure Bot with the Web Chat (Direct Line), Teams and
// Telegram channels, a Storage account for conversation state, and Application Insights.
// Deploy: az deployment group create -g <group> -f deploy/azure/main.bicep -p @deploy/azure/parameters.json

@description('A short lower-case prefix for every resource name (3-12 letters or digits).')
@minLength(3)
@maxLength(12)
param namePrefix string

@description('Where the App Service, Storage and Application Insights live.')
param location string = resourceGroup().location

@description('Node LTS of the App Service.')
@allowed(['22-lts', '24-lts'])
param nodeVersion string = '24-lts'

@description('App Service plan size; B1 is enough for one small shop.')
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('The OpenCart store\'s base URL, https, with trailing slash.')
param opencartUrl string

@description('OpenCart API user name (System > Users > API).')
param opencartApiUsername string = 'Default'

@description('OpenCart API key of that user.')
@secure()
param opencartApiKey string

@description('Language used when a channel does not tell the customer\'s.')
@allowed(['en', 'ru', 'de'])
param defaultLocale string = 'en'

@description('fatal, error, warn, info, debug or trace.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
param logLevel string = 'info'

@description('The shop\'s origins that may show the Web Chat widget, e.g. ["https://shop.example.com"].')
param shopOrigins array

@description('Telegram bot token from BotFather; empty leaves the Telegram channel out.')
@secure()
param telegramToken string = ''

@description('The Direct Line secret of the Web Chat widget; empty on the first deployment (see README).')
@secure()
param directLineSecret string = ''

@description('Secret shared with the OpenCart extension (32+ characters); empty when the extension is not used.')
@secure()
param shopSharedSecret string = ''

@description('Conversations untouched for longer than this many days are forgotten.')
@minValue(1)
param stateTtlDays int = 30

var suffix = uniqueString(resourceGroup().id, namePrefix)
var siteName = '${namePrefix}-bot-${suffix}'
var stateContainer = 'bot-state'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-bot-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(toLower('${namePrefix}st${suffix}'), 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateBlobs 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|${nodeVersion}'
      appCommandLine: 'node --heap-growing-percent=25 dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      webSocketsEnabled: true
      appSettings: [
        { name: 'OPENCART_URL', value: opencartUrl }
        { name: 'OPENCART_API_USERNAME', value: opencartApiUsername }
        { name: 'OPENCART_API_KEY', value: opencartApiKey }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'HOST', value: '' }
        { name: 'DEFAULT_LOCALE', value: defaultLocale }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppPassword', value: '' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'ALLOW_ANONYMOUS', value: 'false' }
        { name: 'TURN_RATE_LIMIT', value: '60' }
        { name: 'TURN_RATE_BURST', value: '40' }
        { name: 'MAX_CONCURRENT_TURNS', value: '32' }
        { name: 'MAX_WAITING_TURNS', value: '1000' }
        { name: 'STATE_STORAGE', value: 'blob' }
        { name: 'STATE_DIR', value: '/home/state' }
        { name: 'STATE_TTL_DAYS', value: string(stateTtlDays) }
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: storageConnection }
        { name: 'AZURE_STORAGE_CONTAINER', value: stateContainer }
        { name: 'COSMOS_DB_ENDPOINT', value: '' }
        { name: 'COSMOS_DB_KEY', value: '' }
        { name: 'COSMOS_DB_DATABASE', value: '' }
        { name: 'COSMOS_DB_CONTAINER', value: '' }
        { name: 'PUBLIC_URL', value: 'https://${siteName}.azurewebsites.net' }
        { name: 'DIRECT_LINE_SECRET', value: directLineSecret }
        { name: 'DIRECT_LINE_URL', value: 'https://directline.botframework.com' }
        { name: 'TRUST_PROXY', value: 'true' }
        { name: 'WEBCHAT_ALLOWED_ORIGINS', value: join(shopOrigins, ',') }
        { name: 'SHOP_SHARED_SECRET', value: shopSharedSecret }
        { name: 'CANCEL_REQUEST_STATUS_ID', value: '' } // a status id here takes cancellation requests in the chat (see .env.example)
        { name: 'ORDER_INITIAL_STATUS_ID', value: '1' }
        { name: 'ORDER_WATCH', value: 'true' }
        { name: 'ORDER_WATCH_DAYS', value: '30' }
        { name: 'ORDER_WATCH_FIRST_INTERVAL_MINUTES', value: '5' }
        { name: 'ORDER_WATCH_MAX_INTERVAL_MINUTES', value: '360' }
        { name: 'ORDER_WATCH_MAX_ORDERS', value: '2000' }
        { name: 'ORDER_FINAL_STATUS_IDS', value: '5,7,8,11,12,13,14,16' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: '${namePrefix} order bot'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Storefront widget'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: shopOrigins
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource telegram 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(telegramToken)) {
  parent: bot
  name: 'TelegramChannel'
  location: 'global'
  properties: {
    channelName: 'TelegramChannel'
    properties: {
      accessToken: telegramToken
      isEnabled: true
    }
  }
}

output siteName string = siteName
output botName string = bot.name
output messagingEndpoint string = bot.properties.endpoint
output outboundIpAddresses string = site.properties.possibleOutboundIpAddresses
output botAppId string = identity.properties.clientId
