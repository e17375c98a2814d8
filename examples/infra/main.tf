# Example Terraform with a hardcoded AWS key id.
provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIA2OGYBAH6STMMNXNN"
}

module "vpc" {
  source = "git::https://github.com/example-org/terraform-vpc.git?ref=main"
}
