# Example Terraform for Azure and GCP with privilege problems.

resource "azurerm_storage_account" "logs" {
  name                            = "examplelogs"
  resource_group_name             = "example"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true
  min_tls_version                 = "TLS1_0"
}

resource "azurerm_role_definition" "ops" {
  name  = "ops-everything"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["*"]
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  resource_group_name         = "example"
  network_security_group_name = "example-nsg"
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = "example-public"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_project_iam_member" "ci" {
  project = "example-project"
  role    = "roles/editor"
  member  = "serviceAccount:ci@example-project.iam.gserviceaccount.com"
}

resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
