# SYNTAX TEST "source.terraform" "Terraform: comments, blocks, attributes, expressions, templates"

# a line comment
# <- comment.line.number-sign.terraform punctuation.definition.comment.terraform
#  ^^^^^^^^^^^^ comment.line.number-sign.terraform
// a double-slash comment
# <-- comment.line.double-slash.terraform punctuation.definition.comment.terraform
/* a block
# <-- comment.block.terraform punctuation.definition.comment.begin.terraform
   comment */
#  ^^^^^^^ comment.block.terraform
#          ^^ comment.block.terraform punctuation.definition.comment.end.terraform

terraform {
# <--------- meta.block.terraform storage.type.block.terraform
#         ^ meta.block.terraform punctuation.section.block.begin.terraform
  required_version = ">= 1.5"
# ^^^^^^^^^^^^^^^^ meta.block.terraform variable.other.property.terraform
#                  ^ keyword.operator.assignment.terraform
#                    ^ string.quoted.double.terraform punctuation.definition.string.begin.terraform
#                     ^^^^^^ string.quoted.double.terraform - punctuation
#                           ^ string.quoted.double.terraform punctuation.definition.string.end.terraform
}
# <- meta.block.terraform punctuation.section.block.end.terraform

resource "aws_s3_bucket" "logs" {
# <-------- storage.type.block.terraform
#         ^^^^^^^^^^^^^ string.quoted.double.terraform entity.name.label.terraform
#        ^ punctuation.definition.string.begin.terraform
#                      ^ punctuation.definition.string.end.terraform
#                         ^^^^ entity.name.label.terraform
  bucket = "logs-${var.env}-${local.suffix}"
# ^^^^^^ variable.other.property.terraform
#           ^^^^^ string.quoted.double.terraform - meta.interpolation
#                ^^ string.quoted.double.terraform meta.interpolation.terraform punctuation.definition.interpolation.begin.terraform
#                  ^^^ meta.interpolation.terraform meta.embedded.line.terraform variable.language.terraform
#                     ^ meta.interpolation.terraform punctuation.accessor.terraform
#                      ^^^ meta.interpolation.terraform variable.other.readwrite.terraform
#                         ^ meta.interpolation.terraform punctuation.definition.interpolation.end.terraform
#                             ^^^^^ variable.language.terraform
#                                   ^^^^^^ variable.other.readwrite.terraform
  count  = var.enabled ? 1 : 0 // trailing comment
#          ^^^ variable.language.terraform
#                      ^ keyword.operator.conditional.terraform
#                        ^ constant.numeric.integer.terraform
#                          ^ keyword.operator.conditional.terraform
#                              ^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.terraform
  greeting = "Hello, %{ if var.name != "" }${var.name}%{ else }world%{ endif }!"
#                    ^^ meta.directive.terraform punctuation.definition.directive.begin.terraform
#                       ^^ meta.directive.terraform keyword.control.directive.terraform
#                                   ^^ keyword.operator.comparison.terraform
#                                      ^^ meta.directive.terraform string.quoted.double.terraform
#                                         ^ meta.directive.terraform punctuation.definition.directive.end.terraform
#                                          ^^ meta.interpolation.terraform
#                                                        ^^^^ keyword.control.directive.terraform
#                                                              ^^^^^ string.quoted.double.terraform - meta.directive
#                                                                      ^^^^^ keyword.control.directive.terraform
  escaped = "literal $${not} and %%{not} \"quoted\" \u00e9"
#                    ^^^ constant.character.escape.terraform
#                       ^^^^ string.quoted.double.terraform - meta.interpolation
#                                ^^^ constant.character.escape.terraform
#                                        ^^ constant.character.escape.terraform
#                                                   ^^^^^^ constant.character.escape.terraform
  stripped = "${~ var.a ~}"
#             ^^^ punctuation.definition.interpolation.begin.terraform
#                       ^^ punctuation.definition.interpolation.end.terraform

  tags = {
#        ^ meta.braces.terraform punctuation.section.braces.begin.terraform
    Name        = "logs"
#   ^^^^ meta.braces.terraform variable.other.property.terraform
    Environment = upper(var.env)
#                 ^^^^^ meta.braces.terraform meta.function-call.terraform support.function.terraform
#                      ^ punctuation.section.parens.begin.terraform
#                              ^ punctuation.section.parens.end.terraform
    inline      = { a = 1, b = [true, false, null] }
#                   ^ variable.other.property.terraform
#                     ^ keyword.operator.assignment.terraform
#                        ^ punctuation.separator.comma.terraform
#                              ^ meta.brackets.terraform punctuation.section.brackets.begin.terraform
#                               ^^^^ constant.language.boolean.terraform
#                                     ^^^^^ constant.language.boolean.terraform
#                                            ^^^^ constant.language.null.terraform
#                                                ^ punctuation.section.brackets.end.terraform
#                                                  ^ punctuation.section.braces.end.terraform
  }
# ^ punctuation.section.braces.end.terraform

  policy = <<-EOT
#          ^^^ string.unquoted.heredoc.terraform keyword.operator.heredoc.terraform
#             ^^^ string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
    {"Resource": "${aws_s3_bucket.other.arn}/*", "n": 1}
#   ^^^^^^^^^^^^^^ string.unquoted.heredoc.terraform - constant meta.braces
#                 ^^ meta.interpolation.terraform punctuation.definition.interpolation.begin.terraform
#                   ^^^^^^^^^^^^^ meta.interpolation.terraform variable.other.terraform
#                                          ^ meta.interpolation.terraform punctuation.definition.interpolation.end.terraform
#                                                     ^ string.unquoted.heredoc.terraform - constant.numeric
    %{ for s in var.list }${s}%{ endfor }
#   ^^ meta.directive.terraform punctuation.definition.directive.begin.terraform
#      ^^^ meta.directive.terraform keyword.control.directive.terraform
#            ^^ keyword.control.directive.terraform
#                                ^^^^^^ keyword.control.directive.terraform
    EOT
#   ^^^ string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
  plain = <<EOF
#         ^^ keyword.operator.heredoc.terraform
#           ^^^ keyword.control.heredoc-token.terraform
EOFX is not the end
# <---- string.unquoted.heredoc.terraform - keyword
EOF
# <--- string.unquoted.heredoc.terraform keyword.control.heredoc-token.terraform
  after_heredoc = 1
# ^^^^^^^^^^^^^ variable.other.property.terraform - string

  lifecycle {
# ^^^^^^^^^ meta.block.terraform meta.block.terraform entity.name.type.block.terraform
#           ^ punctuation.section.block.begin.terraform
    prevent_destroy = true
#   ^^^^^^^^^^^^^^^ meta.block.terraform meta.block.terraform variable.other.property.terraform
  }

  dynamic "rule" {
# ^^^^^^^ entity.name.type.block.terraform
#          ^^^^ entity.name.label.terraform
    for_each = var.rules
    content { id = rule.value.id }
#   ^^^^^^^ entity.name.type.block.terraform
#             ^^ variable.other.property.terraform
#                ^ keyword.operator.assignment.terraform
#                  ^^^^ variable.other.terraform
#                      ^ punctuation.accessor.terraform
#                       ^^^^^ variable.other.member.terraform
  }
}

data "aws_iam_policy_document" "this" {
# <---- storage.type.block.terraform
  statement {
    resources = [for k, v in var.buckets : "${v}/*" if v != null]
#               ^ meta.for-expression.terraform punctuation.section.brackets.begin.terraform
#                ^^^ meta.for-expression.terraform keyword.control.loop.for.terraform
#                     ^ punctuation.separator.comma.terraform
#                         ^^ keyword.control.loop.in.terraform
#                                        ^ keyword.operator.conditional.terraform
#                                                   ^^ keyword.control.conditional.if.terraform
#                                                        ^^ keyword.operator.comparison.terraform
#                                                               ^ punctuation.section.brackets.end.terraform
    actions   = { for name, b in local.map : name => b.arn... }
#               ^ meta.for-expression.terraform punctuation.section.braces.begin.terraform
#                 ^^^ keyword.control.loop.for.terraform
#                                                 ^^ keyword.operator.arrow.terraform
#                                                         ^^^ keyword.operator.ellipsis.terraform
#                                                             ^ punctuation.section.braces.end.terraform
  }
}

module "vpc" {
# <------ storage.type.block.terraform
  subnet   = module.network.private_subnets[0]
#            ^^^^^^ variable.language.terraform
#                   ^^^^^^^ variable.other.readwrite.terraform
#                          ^ punctuation.accessor.terraform
#                           ^^^^^^^^^^^^^^^ variable.other.member.terraform
#                                          ^ meta.brackets.terraform punctuation.section.brackets.begin.terraform
#                                           ^ meta.brackets.terraform constant.numeric.integer.terraform
  ids      = data.aws_subnets.all[*].ids
#            ^^^^ variable.language.terraform
#                 ^^^^^^^^^^^ support.type.data-source.terraform
#                             ^^^ variable.other.readwrite.terraform
#                                 ^ keyword.operator.splat.terraform
  size     = -1.5e3 + 2 * (3 - 1) % 4 / 1
#            ^ keyword.operator.arithmetic.terraform
#             ^^^^^ constant.numeric.float.terraform
#                   ^ keyword.operator.arithmetic.terraform
#                       ^ keyword.operator.arithmetic.terraform
#                         ^ meta.parens.terraform punctuation.section.parens.begin.terraform
#                            ^ meta.parens.terraform keyword.operator.arithmetic.terraform
#                               ^ meta.parens.terraform punctuation.section.parens.end.terraform
#                                 ^ keyword.operator.arithmetic.terraform
#                                     ^ keyword.operator.arithmetic.terraform
  ok       = !var.a && (var.b || count.index >= 2) == true
#            ^ keyword.operator.logical.terraform
#                   ^^ keyword.operator.logical.terraform
#                             ^^ keyword.operator.logical.terraform
#                                ^^^^^ variable.language.terraform
#                                            ^^ keyword.operator.comparison.terraform
#                                                  ^^ keyword.operator.comparison.terraform
#                                                     ^^^^ constant.language.boolean.terraform
  fn       = provider::aws::arn_parse(each.value)
#            ^^^^^^^^^^^^^^^^^^^^^^^^ support.function.terraform
#                                     ^^^^ variable.language.terraform
}

variable "region" {
# <-------- storage.type.block.terraform
  type    = map(object({ name = string, size = optional(number, 1), on = bool, x = any }))
#           ^^^ support.function.terraform
#               ^^^^^^ support.function.terraform
#                        ^^^^ meta.braces.terraform variable.other.property.terraform
#                               ^^^^^^ storage.type.primitive.terraform
#                                              ^^^^^^^^ support.function.terraform
#                                                       ^^^^^^ storage.type.primitive.terraform
#                                                                        ^^^^ storage.type.primitive.terraform
#                                                                                  ^^^ storage.type.primitive.terraform
  default = "eu-west-1"
}

output "arn" { value = aws_s3_bucket.logs.arn }
# <------ storage.type.block.terraform
#              ^^^^^ variable.other.property.terraform

locals {
# <------ storage.type.block.terraform
  name = "${path.module}/${terraform.workspace}"
#           ^^^^ variable.language.terraform
#                          ^^^^^^^^^ variable.language.terraform
}

provider "aws" {
# <-------- storage.type.block.terraform
  region = var.region
}

# .tfvars style: attributes at the top level
instance_type = "t3.micro"
# <------------- variable.other.property.terraform
