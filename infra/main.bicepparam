// Example parameters for one council's production deployment; copy and adjust.
using 'main.bicep'

param name = 'weave'
param timeZone = 'Europe/London'
param logLevel = 'info'
param botSku = 'F0'
param maximumInstanceCount = 40
param tags = {
  app: 'weave'
  environment: 'production'
  dataClassification: 'OFFICIAL-SENSITIVE (staff development records)'
}
