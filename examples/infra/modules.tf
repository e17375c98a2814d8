# Example Terraform modules and providers: which references can change under you.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    # No version: `terraform init -upgrade` installs whatever is newest.
    random = {
      source = "hashicorp/random"
    }
  }
}

# Follows the repository's default branch.
module "network" {
  source = "git::https://github.com/example-org/terraform-network.git"
}

# Follows a branch.
module "dns" {
  source = "github.com/example-org/terraform-dns?ref=develop"
}

# Registry module without a version.
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}

# Pinned: a version tag, a commit, an exact registry version, a local module.
module "iam" {
  source = "git::https://github.com/example-org/terraform-iam.git//modules/role?ref=v2.3.1"
}

module "logging" {
  source = "git::ssh://git@github.com/example-org/terraform-logging.git?ref=0c4d1e5b8f2a9e7d6c3b1a0f9e8d7c6b5a4f3e2d"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.8.5"
}

module "app" {
  source = "./modules/app"
}
