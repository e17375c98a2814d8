# SYNTAX TEST "source.terraform" "forewarn-ignore directives in Terraform comments"
# forewarn-ignore-file[s3-public-acl]
# <- comment.line.number-sign.terraform punctuation.definition.comment.terraform
# ^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.terraform keyword.control.directive.forewarn
#                      ^^^^^^^^^^^^^ entity.name.tag.rule-id.forewarn
resource "aws_s3_bucket" "b" {
  # forewarn-ignore[s3-no-encryption] encrypted by the account default
#   ^^^^^^^^^^^^^^^ comment.line.number-sign.terraform keyword.control.directive.forewarn
#                   ^^^^^^^^^^^^^^^^ entity.name.tag.rule-id.forewarn
  acl = "public-read" // forewarn-ignore[s3-public-acl]
#                     ^^ comment.line.double-slash.terraform punctuation.definition.comment.terraform
#                        ^^^^^^^^^^^^^^^ comment.line.double-slash.terraform keyword.control.directive.forewarn
#                                       ^ punctuation.definition.list.begin.forewarn
#                                        ^^^^^^^^^^^^^ entity.name.tag.rule-id.forewarn
#                                                     ^ punctuation.definition.list.end.forewarn
  /*
  # forewarn-ignore[a-hash-line-inside-a-block-comment-counts]
#   ^^^^^^^^^^^^^^^ comment.block.terraform keyword.control.directive.forewarn
  */
  /* forewarn-ignore[not-honoured-after-a-block-comment-opener] */
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.block.terraform - keyword entity
  name = "# forewarn-ignore[inside-a-string]"
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.double.terraform - comment keyword entity
}
