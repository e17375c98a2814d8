# Example Terraform with exposure, encryption, logging and IAM problems (see docs/rules/*.md).

resource "aws_instance" "api" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "azurerm_mssql_server" "app" {
  name                          = "example-sql"
  resource_group_name           = "example"
  location                      = "westeurope"
  version                       = "12.0"
  minimum_tls_version           = "1.0"
  public_network_access_enabled = true
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west1"
  enable_legacy_abac = true
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block = "10.0.0.0/8"
    }
  }
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id   = "abc123"
  resource_id   = "def456"
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_kms_key" "app" {
  description         = "application data"
  enable_key_rotation = false
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/1"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
  }
}

resource "azurerm_linux_web_app" "site" {
  name                = "example-site"
  resource_group_name = "example"
  location            = "westeurope"
  service_plan_id     = "plan"
  https_only          = false
  site_config {}
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "example-trail"
  is_multi_region_trail      = false
  enable_log_file_validation = true
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "google_compute_subnetwork" "app" {
  name          = "app"
  network       = "default"
  ip_cidr_range = "10.1.0.0/24"
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "MUTABLE"
  image_scanning_configuration {
    scan_on_push = false
  }
}

resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:PassRole", "ec2:RunInstances"]
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "almost_admin" {
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_user_policy_attachment" "ci" {
  user       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "google_service_account_key" "ci" {
  service_account_id = "projects/example/serviceAccounts/ci@example.iam.gserviceaccount.com"
}

resource "azurerm_role_assignment" "pipeline" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111"
}
