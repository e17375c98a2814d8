# A Grafana data source whose API key is written into the configuration.
resource "grafana_data_source" "metrics" {
  type = "prometheus"
  name = "metrics"
  url  = "https://metrics.example.org"

  secure_json_data_encoded = jsonencode({
    apiKey = "q8Hf2LzR7vWx1Kd9TmPa4Ns6"
  })
}
